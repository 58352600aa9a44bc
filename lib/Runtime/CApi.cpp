//===- CApi.cpp - C API of the validation runtime -------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "clang-escape/Runtime/Collector.h"
#include "clang-escape/Runtime/escrt.h"

using namespace escape::runtime;

#define ESCRT_CALLER reinterpret_cast<uintptr_t>(__builtin_return_address(0))

extern "C" {

void *escrt_malloc(size_t Size) {
  return allocate(Size, ObjKind::Collectable, ESCRT_CALLER);
}

void *escrt_malloc_manual(size_t Size) {
  return allocate(Size, ObjKind::Manual, ESCRT_CALLER);
}

void escrt_free(void *P) { release(P); }

int escrt_collect(void) { return static_cast<int>(collect()); }

int escrt_state(const void *P) { return static_cast<int>(stateOf(P)); }

void escrt_get_stats(struct escrt_stats *Out) {
  HeapStats St = stats();
  Out->allocations = St.Allocations;
  Out->allocated_bytes = St.AllocatedBytes;
  Out->live_bytes = St.LiveBytes;
  Out->quarantined_bytes = St.QuarantinedBytes;
  Out->heap_bytes = St.HeapBytes;
  Out->peak_heap_bytes = St.PeakHeapBytes;
  Out->collections = St.Collections;
}

void escrt_set_collect_threshold(size_t Bytes) { setCollectThreshold(Bytes); }

size_t escrt_report_leaks(int Fd) { return reportLeaks(Fd); }
}
