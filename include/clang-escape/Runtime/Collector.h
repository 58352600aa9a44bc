//===- Collector.h - Mark-sweep collection over the runtime heap -*- C++
//-*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The C++ face of the validation runtime's collector. One process-wide heap
// (see Heap.h) is created on first use. A collection marks from the roots of
// RootSet.h plus the calling thread's callee-saved registers (captured with
// getcontext and __builtin_unwind_init) and, with the other threads stopped,
// their registers, stacks and TLS; then it sweeps:
//   * unmarked Collectable objects and unmarked quarantined objects are freed;
//   * unmarked Manual objects are leaks: reported once, and freed only when
//     ESCRT_RECLAIM_LEAKS=1, since freeing them is safe only if the root set
//     is complete;
//   * marked quarantined objects stay quarantined (a dangling pointer exists).
//
// Collections follow the thread rule of Threads.h: with more than one thread
// they are refused, never run on a partial root set.
//
// Environment: ESCRT_GC_MB (collect after this many MiB allocated, default
// 32), ESCRT_HEAP_GB (address space reserved, default 16),
// ESCRT_RECLAIM_LEAKS=1, ESCRT_LEAKS=1 (leak report at exit),
// ESCRT_THREADS=abort (abort instead of refusing).
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_RUNTIME_COLLECTOR_H
#define CLANG_ESCAPE_RUNTIME_COLLECTOR_H

#include "clang-escape/Runtime/Heap.h"

#include <cstddef>
#include <cstdint>

namespace escape::runtime {

/// The outcome of a collection request.
enum class CollectStatus {
  Done = 0,
  RefusedThreads = 1, ///< Several threads exist, or not on the main thread.
  Busy = 2,           ///< Called re-entrantly (from inside the runtime).
};

/// Allocates a zeroed object; may collect first. Aborts with a message when
/// the heap reservation is exhausted.
void *allocate(size_t Size, ObjKind Kind, uintptr_t AllocPC);

/// delete/free: quarantines \p P. Null is ignored; a pointer the heap does
/// not own, or a double delete, is reported on stderr and ignored.
void release(void *P);

/// Runs a full collection now.
CollectStatus collect();

/// True if \p P points into an allocated (live, leaked or quarantined)
/// object.
bool isAllocated(const void *P);

/// The state of the object containing \p P, or Free.
ObjState stateOf(const void *P);

/// A snapshot of the heap statistics.
HeapStats stats();

/// Sets the bytes allocated between automatic collections (0 = never).
void setCollectThreshold(size_t Bytes);

/// Writes the leak report (one line per allocation site) to \p Fd and
/// returns the number of leaked objects. Collects first if allowed.
size_t reportLeaks(int Fd);

/// Number of objects deleted after having been reported leaked: a pointer
/// was hidden from the collector (the root set is incomplete).
uint64_t deletedAfterLeak();

} // namespace escape::runtime

#endif // CLANG_ESCAPE_RUNTIME_COLLECTOR_H
