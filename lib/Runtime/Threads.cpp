//===- Threads.cpp - The registry of the program's threads ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Threads.h"
#include "clang-escape/Runtime/RootSet.h"

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace escape::runtime;

const char *const escape::runtime::ThreadRegNames[ThreadRecord::NumRegs] = {
    "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8",
    "r9",  "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

namespace {

/// A thread between pthread_create and its registration.
struct PendingStart {
  void *(*Fn)(void *);
  void *Arg;
  bool InUse;
};

constexpr size_t MaxThreads = 8192, MaxPending = 1024;

struct Registry {
  ThreadRecord *Recs;
  size_t NumRecs; ///< High-water mark; dead records are reused.
  unsigned NextNumber;
  PendingStart *Pending;
  pthread_key_t Key;
};

Registry *Reg;
pthread_once_t RegOnce = PTHREAD_ONCE_INIT;
pthread_mutex_t RegLock = PTHREAD_MUTEX_INITIALIZER;
// The calling thread's record; a pointer into the registry's mapping, never
// a heap pointer, so it keeps nothing alive when TLS is scanned.
__thread ThreadRecord *Self;
// 0 = not yet known, 1 = main thread, 2 = another thread.
__thread int ThreadKind;

void *mapAnon(size_t Bytes) {
  void *P = mmap(nullptr, Bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return P == MAP_FAILED ? nullptr : P;
}

void onThreadExit(void *P) {
  auto *R = static_cast<ThreadRecord *>(P);
  pthread_mutex_lock(&RegLock);
  R->Live = false;
  pthread_mutex_unlock(&RegLock);
  if (Self == R)
    Self = nullptr;
}

void afterForkInChild() {
  // Only the forking thread exists in the child.
  pthread_mutex_init(&RegLock, nullptr);
  for (size_t I = 0; I < Reg->NumRecs; ++I)
    if (&Reg->Recs[I] != Self)
      Reg->Recs[I].Live = false;
  for (size_t I = 0; I < MaxPending; ++I)
    Reg->Pending[I].InUse = false;
  if (Self)
    Self->Tid = static_cast<pid_t>(syscall(SYS_gettid));
  ThreadKind = 0;
}

void initRegistry() {
  void *P = mapAnon(sizeof(Registry));
  Registry *R = static_cast<Registry *>(P);
  if (R) {
    R->Recs =
        static_cast<ThreadRecord *>(mapAnon(MaxThreads * sizeof(ThreadRecord)));
    R->Pending =
        static_cast<PendingStart *>(mapAnon(MaxPending * sizeof(PendingStart)));
  }
  if (!R || !R->Recs || !R->Pending) {
    fputs("escrt: fatal: cannot map the thread registry\n", stderr);
    abort();
  }
  R->NextNumber = 1;
  pthread_key_create(&R->Key, onThreadExit);
  pthread_atfork(nullptr, nullptr, afterForkInChild);
  Reg = R;
}

int onObject(dl_phdr_info *Info, size_t, void *Data) {
  ThreadRecord &R = *static_cast<ThreadRecord *>(Data);
  for (int I = 0; I < Info->dlpi_phnum; ++I) {
    const ElfW(Phdr) &P = Info->dlpi_phdr[I];
    if (P.p_type != PT_TLS || !Info->dlpi_tls_data ||
        R.NumTLS == ThreadRecord::MaxTLS)
      continue;
    uintptr_t B = reinterpret_cast<uintptr_t>(Info->dlpi_tls_data);
    R.TLSBegin[R.NumTLS] = B;
    R.TLSEnd[R.NumTLS] = B + P.p_memsz;
    R.TLSModule[R.NumTLS] = Info->dlpi_name ? Info->dlpi_name : "";
    ++R.NumTLS;
  }
  return 0;
}

__attribute__((noinline)) ThreadRecord &registerSelf() {
  pthread_once(&RegOnce, initRegistry);
  ThreadRecord Fresh{};
  Fresh.Tid = static_cast<pid_t>(syscall(SYS_gettid));
  Fresh.StackTop = stackTop();
  dl_iterate_phdr(onObject, &Fresh);
  pthread_mutex_lock(&RegLock);
  ThreadRecord *R = nullptr;
  for (size_t I = 0; I < Reg->NumRecs && !R; ++I)
    if (!Reg->Recs[I].Live)
      R = &Reg->Recs[I];
  if (!R && Reg->NumRecs < MaxThreads)
    R = &Reg->Recs[Reg->NumRecs++];
  if (!R) {
    pthread_mutex_unlock(&RegLock);
    fputs("escrt: fatal: more than 8192 threads at once\n", stderr);
    abort();
  }
  void *Shadow = R->Shadow; // a dead thread's shadow stack is reused
  *R = Fresh;
  R->Shadow = Shadow;
  R->Number = onMainThread() ? 1 : ++Reg->NextNumber;
  R->Live = true;
  // Before the unlock: a stop may signal a live record as soon as the lock is
  // free, and the handler must find it without registering (which would wait
  // on the stopper's lock).
  Self = R;
  pthread_mutex_unlock(&RegLock);
  if (!onMainThread())
    pthread_setspecific(Reg->Key, R);
  return *R;
}

void *startThread(void *P) {
  auto *Start = static_cast<PendingStart *>(P);
  currentThread();
  pthread_mutex_lock(&RegLock);
  void *(*Fn)(void *) = Start->Fn;
  void *Arg = Start->Arg;
  Start->InUse = false;
  pthread_mutex_unlock(&RegLock);
  return Fn(Arg);
}

} // namespace

ThreadRecord &escape::runtime::currentThread() {
  if (__builtin_expect(Self != nullptr, 1))
    return *Self;
  return registerSelf();
}

ThreadRecord *escape::runtime::registeredThread() { return Self; }

bool escape::runtime::onMainThread() {
  if (ThreadKind == 0)
    ThreadKind = syscall(SYS_gettid) == getpid() ? 1 : 2;
  return ThreadKind == 1;
}

void escape::runtime::lockThreads() {
  pthread_once(&RegOnce, initRegistry);
  pthread_mutex_lock(&RegLock);
}

void escape::runtime::unlockThreads() { pthread_mutex_unlock(&RegLock); }

void escape::runtime::forEachThread(void (*Fn)(ThreadRecord &, void *),
                                    void *Ctx) {
  for (size_t I = 0; I < Reg->NumRecs; ++I)
    if (Reg->Recs[I].Live)
      Fn(Reg->Recs[I], Ctx);
}

void escape::runtime::forEachPendingStart(void (*Fn)(uintptr_t, void *),
                                          void *Ctx) {
  for (size_t I = 0; I < MaxPending; ++I)
    if (Reg->Pending[I].InUse)
      Fn(reinterpret_cast<uintptr_t>(Reg->Pending[I].Arg), Ctx);
}

size_t escape::runtime::knownThreads() {
  size_t N = 0;
  for (size_t I = 0; I < Reg->NumRecs; ++I)
    N += Reg->Recs[I].Live;
  for (size_t I = 0; I < MaxPending; ++I)
    N += Reg->Pending[I].InUse;
  return N;
}

int escape::runtime::countThreads() {
  int Fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return -1;
  char Buf[1024];
  ssize_t N = read(Fd, Buf, sizeof(Buf) - 1);
  close(Fd);
  if (N <= 0)
    return -1;
  Buf[N] = 0;
  // Field 2 (comm) may contain spaces; count fields after its ')'.
  char *P = Buf + N;
  while (P > Buf && *P != ')')
    --P;
  if (P == Buf)
    return -1;
  // After ")": field 3 is state; num_threads is field 20.
  int Field = 2;
  for (++P; *P; ++P) {
    if (*P != ' ')
      continue;
    ++Field;
    if (Field == 20) {
      int V = 0;
      for (++P; *P >= '0' && *P <= '9'; ++P)
        V = V * 10 + (*P - '0');
      return V;
    }
  }
  return -1;
}

// Interposed: the new thread registers itself before the program's start
// routine runs; until then its argument is a root (a pending start).
extern "C" int pthread_create(pthread_t *Thread, const pthread_attr_t *Attr,
                              void *(*Fn)(void *), void *Arg) noexcept {
  using CreateFn =
      int (*)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
  static CreateFn Real =
      reinterpret_cast<CreateFn>(dlsym(RTLD_NEXT, "pthread_create"));
  if (!Real) {
    fputs("escrt: fatal: cannot find the real pthread_create\n", stderr);
    abort();
  }
  currentThread();
  PendingStart *Start = nullptr;
  pthread_mutex_lock(&RegLock);
  for (size_t I = 0; I < MaxPending && !Start; ++I)
    if (!Reg->Pending[I].InUse)
      Start = &Reg->Pending[I];
  if (Start)
    *Start = PendingStart{Fn, Arg, true};
  pthread_mutex_unlock(&RegLock);
  if (!Start) // too many at once: it registers on its first hook
    return Real(Thread, Attr, Fn, Arg);
  int E = Real(Thread, Attr, startThread, Start);
  if (E) {
    pthread_mutex_lock(&RegLock);
    Start->InUse = false;
    pthread_mutex_unlock(&RegLock);
  }
  return E;
}
