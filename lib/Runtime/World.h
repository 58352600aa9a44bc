//===- World.h - Stopping every other thread for a scan ---------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Stop the world, as bdwgc does on Linux: the scanning thread sends SIGPWR
// to every other registered thread; each one saves its registers and stack
// pointer from the signal's ucontext into its ThreadRecord, answers, and
// waits on a futex until the world restarts. Its stack from that stack
// pointer (minus the red zone) up to its top, its registers and its TLS are
// then roots. The handler only does atomic stores and futex calls, so it is
// safe wherever the thread was interrupted.
//
// The world is not stopped, and the caller gets no answer, when the process
// has a thread the registry does not know (made with clone, or leaving after
// its record was dropped) or when a thread does not answer within ten seconds
// (it blocks SIGPWR); after such a timeout every later stop is refused at
// once, with one message on stderr.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_WORLD_H
#define CLANG_ESCAPE_LIB_RUNTIME_WORLD_H

#include "Threads.h"

namespace escape::runtime {

/// Stops every registered thread but the caller. On success the registry
/// lock stays held until startWorld(); on failure the world runs and the
/// lock is released. The caller must be registered (currentThread()).
bool stopWorld();

/// Restarts the threads stopped by stopWorld() and releases the lock.
void startWorld();

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_WORLD_H
