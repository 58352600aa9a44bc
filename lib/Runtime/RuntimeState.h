//===- RuntimeState.h - The runtime's process-wide state --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Everything the runtime keeps lives in one anonymous mapping, reached from a
// single pointer. Nothing of it sits in .data/.bss, so it is never scanned
// as a root (the prototype's 64 KiB buffer in .bss added 8K words to every
// check) and free-list links or tables never keep objects alive.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_RUNTIMESTATE_H
#define CLANG_ESCAPE_LIB_RUNTIME_RUNTIMESTATE_H

#include "Marker.h"
#include "clang-escape/Runtime/Heap.h"

#include <pthread.h>

namespace escape::runtime {

class Checker;

/// Settings read from the environment at start-up.
struct Config {
  size_t CollectBytes = size_t(32) << 20;
  size_t HeapBytes = size_t(16) << 30;
  bool ReclaimLeaks = false;
  bool LeaksAtExit = false;
  bool AbortOnThreads = false;
  bool Quiet = false;
};

/// One allocation site in the leak table.
struct LeakSite {
  uintptr_t PC;
  uint64_t Objects, Bytes;
};

struct RuntimeState {
  Config Cfg;
  Heap H;
  Marker M;
  uint32_t Epoch = 0;
  size_t SinceCollect = 0;
  bool InRuntime = false; ///< Re-entrancy guard for collections and checks.
  bool RefusalReported = false;
  uint64_t DeletedAfterLeak = 0;
  uint64_t BadFrees = 0;
  LeakSite *Leaks = nullptr; ///< Open-addressing table, LeakCap entries.
  size_t LeakCap = 0;
  Checker *Check = nullptr; ///< Null unless claims were loaded.
};

/// The state, created on first use (thread-safe).
RuntimeState &state();

/// The lock serialising the heap. Not recursive.
void lockHeap();
void unlockHeap();

/// Marks from all roots of the calling thread into the current epoch. The
/// caller has captured registers in its own frame; \p StackLo is the lowest
/// stack address still live.
void markStaticRoots(RuntimeState &S);

/// A full collection; the heap lock is held, the thread rule checked.
void collectLocked(RuntimeState &S);

/// Applies the thread rule; prints the refusal once. True if allowed.
bool threadRuleAllows(RuntimeState &S, const char *What);

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_RUNTIMESTATE_H
