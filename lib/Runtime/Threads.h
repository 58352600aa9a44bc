//===- Threads.h - The registry of the program's threads --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Every thread of the program is registered, as bdwgc registers its threads:
// pthread_create is interposed, so a new thread registers itself before it
// runs the program's start routine (the routine's argument is a root until
// then), and a thread that reaches the runtime in another way (the main
// thread, a thread made before the runtime started) registers itself on its
// first hook. A record holds what a stop-the-world scan needs: the thread's
// stack top, its static TLS blocks and, while it is suspended, its registers
// and stack pointer (World.h). A pthread key destructor removes the record
// after the thread's C++ thread_local destructors ran.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_THREADS_H
#define CLANG_ESCAPE_LIB_RUNTIME_THREADS_H

#include <cstddef>
#include <cstdint>
#include <sys/types.h>

namespace escape::runtime {

/// One registered thread. Lives in the registry's anonymous mapping.
struct ThreadRecord {
  static constexpr unsigned MaxTLS = 16, NumRegs = 16;
  pid_t Tid;
  unsigned Number; ///< 1 for the main thread, then in registration order.
  bool Live;
  uintptr_t StackTop;
  unsigned NumTLS;
  uintptr_t TLSBegin[MaxTLS], TLSEnd[MaxTLS];
  const char *TLSModule[MaxTLS];
  /// Written by the thread itself in the suspend handler.
  uintptr_t Regs[NumRegs]; ///< rax..r15 in the ucontext order of Regs below.
  uintptr_t SP;
  volatile uint32_t AckedStop; ///< The last stop this thread answered.
  void *Shadow; ///< The checker's shadow stack of this thread, or null.
};

/// The calling thread's record, registering it on first use.
ThreadRecord &currentThread();

/// The calling thread's record, or null if it has none yet; never registers
/// (safe in a signal handler while another thread holds the registry lock).
ThreadRecord *registeredThread();

/// True on the process's initial thread.
bool onMainThread();

/// The number of threads in the process (from /proc/self/stat), or -1.
int countThreads();

/// The registry lock: held while the world is stopped, so no thread
/// registers or leaves meanwhile.
void lockThreads();
void unlockThreads();

/// Calls \p Fn for every live record (the registry lock is held).
void forEachThread(void (*Fn)(ThreadRecord &, void *), void *Ctx);
/// Threads being started: pthread_create has run but the new thread has not
/// registered yet. Their start arguments are roots (the lock is held).
void forEachPendingStart(void (*Fn)(uintptr_t Arg, void *), void *Ctx);
/// The number of live records plus pending starts (the lock is held).
size_t knownThreads();

/// The names of the saved registers, in ThreadRecord::Regs order.
extern const char *const ThreadRegNames[ThreadRecord::NumRegs];

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_THREADS_H
