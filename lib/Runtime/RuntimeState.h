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
#include "Threads.h"
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

/// The writable segments of the loaded objects, taken before a collection
/// stops the world (dl_iterate_phdr takes the loader's lock, which a stopped
/// thread may hold).
struct GlobalRanges {
  static constexpr size_t Max = 512;
  RootRange R[Max];
  size_t N = 0;
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
  GlobalRanges Globals;
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

/// A full collection with the world stopped; the heap lock is held. False
/// (and the refusal reported) if the other threads could not be stopped.
bool collectLocked(RuntimeState &S);

/// Reports once that a collection or check could not stop the world.
void reportRefusal(RuntimeState &S, const char *What);

/// Register indices of Marker::scanRegister beyond the checker's SavedRegs:
/// a stopped thread's registers, and a pending thread start's argument.
constexpr unsigned FirstThreadRegister = 16, PendingStartRegister = 32;

/// Marks from every registered thread's TLS, registers and live stack, the
/// calling thread's stack from \p MyLo up, and the arguments of threads
/// being started. The world is stopped (World.h).
void markThreadRoots(Marker &M, ThreadRecord &Me, uintptr_t MyLo);

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_RUNTIMESTATE_H
