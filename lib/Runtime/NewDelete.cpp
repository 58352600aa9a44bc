//===- NewDelete.cpp - Global operator new/delete on the runtime heap -----===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Linked into validation builds only (library clangEscapeRuntimeNew): all
// replaceable forms of the global allocation functions go to the runtime
// heap as Manual objects. delete quarantines; sized and aligned forms ignore
// the size and alignment hints on delete. The heap is 16-byte aligned; larger
// alignments are served by over-allocating and are not supported beyond the
// 64 KiB block size.
//
//===----------------------------------------------------------------------===//

#include "clang-escape/Runtime/Collector.h"

#include <cstdio>
#include <cstdlib>
#include <new>

using namespace escape::runtime;

namespace {

__attribute__((always_inline)) inline void *
allocateAligned(size_t Size, size_t Align, uintptr_t PC) {
  if (Align > Heap::BlockSize) {
    fprintf(stderr, "escrt: fatal: alignment %zu is not supported\n", Align);
    abort();
  }
  // Slots of a size class that is a multiple of the alignment, in blocks
  // aligned to 64 KiB, are aligned: round the size up to the alignment and
  // to a power of two at least as large.
  size_t N = Size < Align ? Align : Size;
  if (Align > Heap::Granule) {
    size_t P = Align;
    while (P < N)
      P *= 2;
    N = P;
  }
  return allocate(N, ObjKind::Manual, PC);
}

} // namespace

#define ESCRT_CALLER reinterpret_cast<uintptr_t>(__builtin_return_address(0))

void *operator new(size_t N) {
  return allocate(N, ObjKind::Manual, ESCRT_CALLER);
}
void *operator new[](size_t N) {
  return allocate(N, ObjKind::Manual, ESCRT_CALLER);
}
void *operator new(size_t N, const std::nothrow_t &) noexcept {
  return allocate(N, ObjKind::Manual, ESCRT_CALLER);
}
void *operator new[](size_t N, const std::nothrow_t &) noexcept {
  return allocate(N, ObjKind::Manual, ESCRT_CALLER);
}
void *operator new(size_t N, std::align_val_t A) {
  return allocateAligned(N, static_cast<size_t>(A), ESCRT_CALLER);
}
void *operator new[](size_t N, std::align_val_t A) {
  return allocateAligned(N, static_cast<size_t>(A), ESCRT_CALLER);
}
void *operator new(size_t N, std::align_val_t A,
                   const std::nothrow_t &) noexcept {
  return allocateAligned(N, static_cast<size_t>(A), ESCRT_CALLER);
}
void *operator new[](size_t N, std::align_val_t A,
                     const std::nothrow_t &) noexcept {
  return allocateAligned(N, static_cast<size_t>(A), ESCRT_CALLER);
}

void operator delete(void *P) noexcept { release(P); }
void operator delete[](void *P) noexcept { release(P); }
void operator delete(void *P, const std::nothrow_t &) noexcept { release(P); }
void operator delete[](void *P, const std::nothrow_t &) noexcept { release(P); }
void operator delete(void *P, size_t) noexcept { release(P); }
void operator delete[](void *P, size_t) noexcept { release(P); }
void operator delete(void *P, std::align_val_t) noexcept { release(P); }
void operator delete[](void *P, std::align_val_t) noexcept { release(P); }
void operator delete(void *P, size_t, std::align_val_t) noexcept { release(P); }
void operator delete[](void *P, size_t, std::align_val_t) noexcept {
  release(P);
}
void operator delete(void *P, std::align_val_t,
                     const std::nothrow_t &) noexcept {
  release(P);
}
void operator delete[](void *P, std::align_val_t,
                       const std::nothrow_t &) noexcept {
  release(P);
}
