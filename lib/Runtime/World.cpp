//===- World.cpp - Stopping every other thread for a scan -----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "World.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

using namespace escape::runtime;

namespace {

constexpr int SuspendSignal = SIGPWR;

uint32_t StopSeq, ResumeSeq;
bool Broken;        ///< A thread did not answer once: no more stops.
bool UnknownThread; ///< A task without a record outlived a wait for it.
pthread_once_t InstallOnce = PTHREAD_ONCE_INIT;

long futex(uint32_t *Addr, int Op, uint32_t Val, const timespec *Timeout) {
  return syscall(SYS_futex, Addr, Op, Val, Timeout, nullptr, 0);
}

void onSuspend(int, siginfo_t *, void *Context) {
  int SavedErrno = errno;
  uint32_t Stop = __atomic_load_n(&StopSeq, __ATOMIC_ACQUIRE);
  if (__atomic_load_n(&ResumeSeq, __ATOMIC_ACQUIRE) == Stop) {
    errno = SavedErrno; // a late signal of a stop that gave up
    return;
  }
  // Every live record's thread has its record (set with Live, under the
  // lock the stopper holds); registering here would wait on that lock.
  ThreadRecord *Rec = registeredThread();
  if (!Rec) {
    errno = SavedErrno;
    return;
  }
  ThreadRecord &R = *Rec;
#if defined(__x86_64__)
  const greg_t *G = static_cast<ucontext_t *>(Context)->uc_mcontext.gregs;
  const int Order[ThreadRecord::NumRegs] = {
      REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RSI, REG_RDI, REG_RBP, REG_R8,
      REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_RIP};
  for (unsigned I = 0; I < ThreadRecord::NumRegs; ++I)
    R.Regs[I] = static_cast<uintptr_t>(G[Order[I]]);
  R.SP = static_cast<uintptr_t>(G[REG_RSP]);
#else
  (void)Context;
  R.SP = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
#endif
  __atomic_store_n(&R.AckedStop, Stop, __ATOMIC_RELEASE);
  futex(const_cast<uint32_t *>(&R.AckedStop), FUTEX_WAKE, INT_MAX, nullptr);
  for (;;) {
    uint32_t V = __atomic_load_n(&ResumeSeq, __ATOMIC_ACQUIRE);
    if (V == Stop)
      break;
    futex(&ResumeSeq, FUTEX_WAIT, V, nullptr);
  }
  errno = SavedErrno;
}

void install() {
  struct sigaction SA = {};
  SA.sa_sigaction = onSuspend;
  SA.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&SA.sa_mask);
  sigaddset(&SA.sa_mask, SuspendSignal);
  sigaction(SuspendSignal, &SA, nullptr);
}

struct StopCtx {
  ThreadRecord *Me;
  uint32_t Stop;
  bool Failed;
};

void signalOne(ThreadRecord &R, void *P) {
  auto &C = *static_cast<StopCtx *>(P);
  if (&R == C.Me || C.Failed)
    return;
  if (syscall(SYS_tgkill, getpid(), R.Tid, SuspendSignal) == 0)
    return;
  if (errno == ESRCH)
    R.Live = false; // it exited without running its key destructor
  else
    C.Failed = true;
}

void awaitOne(ThreadRecord &R, void *P) {
  auto &C = *static_cast<StopCtx *>(P);
  if (&R == C.Me || C.Failed || !R.Live)
    return;
  const timespec Slice = {0, 10 * 1000 * 1000};
  for (unsigned Waited = 0;; ++Waited) {
    uint32_t V = __atomic_load_n(&R.AckedStop, __ATOMIC_ACQUIRE);
    if (V == C.Stop)
      return;
    if (Waited == 1000) { // ten seconds: a loaded machine is slow, not stuck
      C.Failed = true;
      return;
    }
    futex(const_cast<uint32_t *>(&R.AckedStop), FUTEX_WAIT, V, &Slice);
  }
}

} // namespace

bool escape::runtime::stopWorld() {
  ThreadRecord &Me = currentThread();
  pthread_once(&InstallOnce, install);
  // A thread that ran its key destructor is still a task of the process
  // until the kernel reaps it: more tasks than records is transient then.
  // Wait for it a little; a thread the runtime never knew stays, and after
  // one such wait later stops refuse at once.
  const timespec Tick = {0, 1000 * 1000};
  unsigned Tries = UnknownThread ? 1 : 500;
  for (;;) {
    lockThreads();
    int Count = countThreads();
    if (Broken || Count < 0) {
      unlockThreads();
      return false;
    }
    if (size_t(Count) <= knownThreads())
      break;
    unlockThreads();
    if (--Tries == 0) {
      UnknownThread = true;
      return false;
    }
    nanosleep(&Tick, nullptr);
  }
  StopCtx C{&Me, __atomic_add_fetch(&StopSeq, 1, __ATOMIC_ACQ_REL), false};
  forEachThread(signalOne, &C);
  forEachThread(awaitOne, &C);
  if (C.Failed) {
    if (!__atomic_exchange_n(&Broken, true, __ATOMIC_ACQ_REL))
      fputs("escrt: a thread did not answer the stop-the-world signal "
            "(SIGPWR blocked?); later checks with several threads are "
            "reported unverified\n",
            stderr);
    startWorld();
    return false;
  }
  return true;
}

void escape::runtime::startWorld() {
  __atomic_store_n(&ResumeSeq, __atomic_load_n(&StopSeq, __ATOMIC_ACQUIRE),
                   __ATOMIC_RELEASE);
  futex(&ResumeSeq, FUTEX_WAKE, INT_MAX, nullptr);
  unlockThreads();
}
