//===- Threads.h - Thread census for the single-mutator rule ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The thread rule: collections and escape checks scan only the calling
// thread's stack, registers and TLS, so they run only when the process has
// exactly one thread and that thread is the main thread. While the process
// has one thread no other thread can appear, so the census taken at the
// start of a collection or check stays true until it ends. Otherwise a
// collection is refused (the heap grows instead) and a check reports its
// activation as unverified; neither gives an answer from a partial root set.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_THREADS_H
#define CLANG_ESCAPE_LIB_RUNTIME_THREADS_H

namespace escape::runtime {

/// True on the process's initial thread. Cached per thread.
bool onMainThread();

/// The number of threads in the process (from /proc/self/stat), or -1.
int countThreads();

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_THREADS_H
