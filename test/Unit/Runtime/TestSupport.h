//===- TestSupport.h - Helpers for the runtime's unit tests -----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Pointers are kept "hidden" (XOR-masked) whenever a test needs an object
// that nothing points to, and the dead part of the stack is cleared before
// collections so residue from earlier calls does not retain it.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TEST_UNIT_RUNTIME_TESTSUPPORT_H
#define CLANG_ESCAPE_TEST_UNIT_RUNTIME_TESTSUPPORT_H

#include "clang-escape/Runtime/escrt.h"

#include <cstdint>
#include <cstring>

namespace escape::runtime::test {

constexpr uintptr_t Mask = 0x5a5a5a5a5a5a5a5aull;

inline uintptr_t hide(void *P) { return reinterpret_cast<uintptr_t>(P) ^ Mask; }
inline void *reveal(uintptr_t H) { return reinterpret_cast<void *>(H ^ Mask); }

/// Zeroes 32 KiB of the stack below the caller (bdwgc's GC_clear_stack).
__attribute__((noinline)) inline void clearStack() {
  volatile char Buf[32768];
  memset(const_cast<char *>(Buf), 0, sizeof(Buf));
  asm volatile("" : : "r"(Buf) : "memory");
}

/// Allocates a collectable object in a deeper frame and returns it hidden.
__attribute__((noinline)) inline uintptr_t allocateHidden(size_t Size,
                                                          bool Manual = false) {
  void *P = Manual ? escrt_malloc_manual(Size) : escrt_malloc(Size);
  memset(P, 0x11, Size);
  return hide(P);
}

/// The state of a hidden object, revealed only in a frame that dies here.
__attribute__((noinline)) inline int hiddenState(uintptr_t H) {
  return escrt_state(reveal(H));
}

/// Stores a hidden pointer (plus \p Offset) into \p Slot from a frame that
/// dies here, so no copy stays in the caller's registers or frame.
__attribute__((noinline)) inline void
storeHidden(void *volatile &Slot, uintptr_t H, size_t Offset = 0) {
  Slot = static_cast<char *>(reveal(H)) + Offset;
}

/// Collects with a clean stack; returns escrt_collect's result.
__attribute__((noinline)) inline int collectClean() {
  clearStack();
  return escrt_collect();
}

} // namespace escape::runtime::test

#endif // CLANG_ESCAPE_TEST_UNIT_RUNTIME_TESTSUPPORT_H
