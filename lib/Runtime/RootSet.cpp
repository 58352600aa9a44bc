//===- RootSet.cpp - Root ranges of the calling thread --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "clang-escape/Runtime/RootSet.h"
#include "Threads.h"

#include <link.h>
#include <pthread.h>

extern "C" void *__libc_stack_end; // glibc: the initial stack pointer.

using namespace escape::runtime;

namespace {

struct Walk {
  void (*Fn)(const RootRange &, void *);
  void *Ctx;
};

// Emits [Begin, End) minus [RBegin, REnd).
void emitMinus(Walk &W, RootRange R, uintptr_t RBegin, uintptr_t REnd) {
  if (REnd <= R.Begin || RBegin >= R.End) {
    W.Fn(R, W.Ctx);
    return;
  }
  if (RBegin > R.Begin) {
    RootRange Left = R;
    Left.End = RBegin;
    W.Fn(Left, W.Ctx);
  }
  if (REnd < R.End) {
    RootRange Right = R;
    Right.Begin = REnd;
    W.Fn(Right, W.Ctx);
  }
}

int onObject(dl_phdr_info *Info, size_t, void *Data) {
  Walk &W = *static_cast<Walk *>(Data);
  uintptr_t RelroBegin = 0, RelroEnd = 0;
  for (int I = 0; I < Info->dlpi_phnum; ++I) {
    const ElfW(Phdr) &P = Info->dlpi_phdr[I];
    if (P.p_type == PT_GNU_RELRO) {
      RelroBegin = Info->dlpi_addr + P.p_vaddr;
      RelroEnd = RelroBegin + P.p_memsz;
    }
  }
  for (int I = 0; I < Info->dlpi_phnum; ++I) {
    const ElfW(Phdr) &P = Info->dlpi_phdr[I];
    RootRange R;
    R.Module = Info->dlpi_name ? Info->dlpi_name : "";
    if (P.p_type == PT_LOAD && (P.p_flags & PF_W)) {
      R.Begin = (Info->dlpi_addr + P.p_vaddr) & ~uintptr_t(7);
      R.End = Info->dlpi_addr + P.p_vaddr + P.p_memsz;
      R.Kind = RootKind::Global;
      emitMinus(W, R, RelroBegin, RelroEnd);
    } else if (P.p_type == PT_TLS && Info->dlpi_tls_data) {
      R.Begin = reinterpret_cast<uintptr_t>(Info->dlpi_tls_data);
      R.End = R.Begin + P.p_memsz;
      R.Kind = RootKind::TLS;
      W.Fn(R, W.Ctx);
    }
  }
  return 0;
}

} // namespace

void escape::runtime::forEachStaticRoot(void (*Fn)(const RootRange &, void *),
                                        void *Ctx) {
  Walk W{Fn, Ctx};
  dl_iterate_phdr(onObject, &W);
}

uintptr_t escape::runtime::stackTop() {
  if (onMainThread())
    return reinterpret_cast<uintptr_t>(__libc_stack_end);
  pthread_attr_t A;
  void *Addr = nullptr;
  size_t Size = 0;
  if (pthread_getattr_np(pthread_self(), &A) == 0) {
    pthread_attr_getstack(&A, &Addr, &Size);
    pthread_attr_destroy(&A);
  }
  return reinterpret_cast<uintptr_t>(Addr) + Size;
}

const char *escape::runtime::rootKindName(RootKind K) {
  switch (K) {
  case RootKind::Register:
    return "register";
  case RootKind::Global:
    return "global";
  case RootKind::TLS:
    return "tls";
  case RootKind::Stack:
    return "stack";
  case RootKind::None:
    break;
  }
  return "none";
}
