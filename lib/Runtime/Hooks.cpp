//===- Hooks.cpp - Function hooks and the return trampoline ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The fallback hook mechanism: programs compiled with -finstrument-functions
// call __cyg_profile_func_enter/exit around every function. The exit hook
// runs before F's epilogue, when the return value is not yet in a register
// and F's frame is still live, so it cannot see an escape through the return
// value. The entry hook therefore replaces F's return address with a
// trampoline (x86-64 only); the trampoline saves the registers as F left
// them, calls Checker::onReturn with the stack pointer at the caller's, and
// jumps to the real return address.
//
// A hijacked return address would stop the C++ unwinder, so the unwinder's
// entry points are interposed: before an exception (or a forced unwind) is
// raised, every hijacked address is put back and those activations are
// counted as left by an exception.
//
//===----------------------------------------------------------------------===//

#include "Checker.h"
#include "RuntimeState.h"

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

using namespace escape::runtime;

#if defined(__x86_64__)
// Saves rax, rdx, rbx, rbp, r12-r15 (SavedRegs) and xmm0/xmm1 in a 144-byte
// area (keeps 16-byte alignment: the stack is aligned after F's ret), then
// calls escrt_on_return(regs, cfa) and jumps to the address it returns.
asm(R"(
  .text
  .globl escrt_return_trampoline
  .type escrt_return_trampoline,@function
  .p2align 4
escrt_return_trampoline:
  subq $144, %rsp
  movq %rax, 0(%rsp)
  movq %rdx, 8(%rsp)
  movq %rbx, 16(%rsp)
  movq %rbp, 24(%rsp)
  movq %r12, 32(%rsp)
  movq %r13, 40(%rsp)
  movq %r14, 48(%rsp)
  movq %r15, 56(%rsp)
  movdqu %xmm0, 64(%rsp)
  movdqu %xmm1, 80(%rsp)
  movq %rsp, %rdi
  leaq 144(%rsp), %rsi
  call escrt_on_return
  movq %rax, %rcx
  movq 0(%rsp), %rax
  movq 8(%rsp), %rdx
  movq 16(%rsp), %rbx
  movq 24(%rsp), %rbp
  movq 32(%rsp), %r12
  movq 40(%rsp), %r13
  movq 48(%rsp), %r14
  movq 56(%rsp), %r15
  movdqu 64(%rsp), %xmm0
  movdqu 80(%rsp), %xmm1
  addq $144, %rsp
  jmpq *%rcx
  .size escrt_return_trampoline, .-escrt_return_trampoline
)");

extern "C" __attribute__((used, no_instrument_function)) uintptr_t
escrt_on_return(SavedRegs *Regs, uintptr_t CFA) {
  return state().Check->onReturn(*Regs, CFA);
}
#else
extern "C" void escrt_return_trampoline() { abort(); }
#endif

extern "C" __attribute__((no_instrument_function)) void
__cyg_profile_func_enter(void *Fn, void *CallSite) {
  RuntimeState &S = state();
  if (!S.Check)
    return;
#if defined(__x86_64__)
  S.Check->onEnter(reinterpret_cast<uintptr_t>(Fn),
                   reinterpret_cast<uintptr_t>(CallSite),
                   reinterpret_cast<uintptr_t>(__builtin_frame_address(0)),
                   reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
#endif
}

extern "C" __attribute__((no_instrument_function)) void
__cyg_profile_func_exit(void *, void *) {
  // The trampoline does the work; see the file comment.
}

namespace {

template <typename FnT> FnT next(const char *Name) {
  void *P = dlsym(RTLD_NEXT, Name);
  if (!P) {
    fprintf(stderr, "escrt: fatal: cannot find the real %s\n", Name);
    abort();
  }
  return reinterpret_cast<FnT>(P);
}

void beforeUnwind() {
  RuntimeState &S = state();
  if (S.Check)
    S.Check->onUnwind();
}

} // namespace

// The unwinder's entry points (libgcc_s). C++ throw and rethrow reach them
// through the PLT, so these definitions in the program take precedence.
extern "C" {
struct _Unwind_Exception;
typedef int (*EscrtStopFn)(int, int, unsigned long, _Unwind_Exception *, void *,
                           void *);

__attribute__((no_instrument_function)) int
_Unwind_RaiseException(_Unwind_Exception *E) {
  static auto Real =
      next<int (*)(_Unwind_Exception *)>("_Unwind_RaiseException");
  beforeUnwind();
  return Real(E);
}

__attribute__((no_instrument_function)) int
_Unwind_Resume_or_Rethrow(_Unwind_Exception *E) {
  static auto Real =
      next<int (*)(_Unwind_Exception *)>("_Unwind_Resume_or_Rethrow");
  beforeUnwind();
  return Real(E);
}

__attribute__((no_instrument_function)) int
_Unwind_ForcedUnwind(_Unwind_Exception *E, EscrtStopFn Stop, void *Arg) {
  static auto Real = next<int (*)(_Unwind_Exception *, EscrtStopFn, void *)>(
      "_Unwind_ForcedUnwind");
  beforeUnwind();
  return Real(E, Stop, Arg);
}
}
