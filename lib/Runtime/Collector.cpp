//===- Collector.cpp - Mark-sweep collection over the runtime heap --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "clang-escape/Runtime/Collector.h"
#include "Checker.h"
#include "ElfSymbols.h"
#include "RuntimeState.h"
#include "Threads.h"
#include "World.h"
#include "clang-escape/Runtime/RootSet.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

using namespace escape::runtime;

namespace {

RuntimeState *S;
pthread_once_t Once = PTHREAD_ONCE_INIT;
pthread_mutex_t HeapLock = PTHREAD_MUTEX_INITIALIZER;

size_t envSize(const char *Name, size_t Default, size_t Unit) {
  const char *V = getenv(Name);
  char *End = nullptr;
  unsigned long long N = V && *V ? strtoull(V, &End, 10) : Default;
  return (End && *End ? Default : size_t(N)) * Unit;
}

bool envFlag(const char *Name) {
  const char *V = getenv(Name);
  return V && *V && strcmp(V, "0") != 0;
}

void atExit() {
  RuntimeState &St = *S;
  if (St.Check)
    St.Check->finish();
  if (St.Cfg.LeaksAtExit)
    reportLeaks(2);
}

void initOnce() {
  void *P = mmap(nullptr, sizeof(RuntimeState), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (P == MAP_FAILED) {
    fputs("escrt: fatal: cannot map the runtime state\n", stderr);
    abort();
  }
  RuntimeState *St = new (P) RuntimeState();
  Config &C = St->Cfg;
  C.CollectBytes = envSize("ESCRT_GC_MB", C.CollectBytes >> 20, 1 << 20);
  C.HeapBytes = envSize("ESCRT_HEAP_GB", C.HeapBytes >> 30, size_t(1) << 30);
  C.ReclaimLeaks = envFlag("ESCRT_RECLAIM_LEAKS");
  C.LeaksAtExit = envFlag("ESCRT_LEAKS");
  C.Quiet = envFlag("ESCRT_QUIET");
  const char *T = getenv("ESCRT_THREADS");
  C.AbortOnThreads = T && strcmp(T, "abort") == 0;
  if (!St->H.init(C.HeapBytes) || !St->M.init()) {
    fputs("escrt: fatal: cannot reserve the heap (ESCRT_HEAP_GB)\n", stderr);
    abort();
  }
  St->LeakCap = 4096;
  St->Leaks = static_cast<LeakSite *>(
      mmap(nullptr, St->LeakCap * sizeof(LeakSite), PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  S = St;
  St->Check = Checker::createFromEnvironment(*St);
  atexit(atExit);
}

void onLeak(uintptr_t, ObjMeta &M, void *Ctx) {
  RuntimeState &St = *static_cast<RuntimeState *>(Ctx);
  if (St.Leaks == MAP_FAILED)
    return;
  size_t Mask = St.LeakCap - 1;
  size_t Slot = (M.AllocPC * 0x9E3779B97F4A7C15ull >> 32) & Mask;
  for (size_t I = 0; I < St.LeakCap; ++I, Slot = (Slot + 1) & Mask) {
    LeakSite &L = St.Leaks[Slot];
    if (L.Objects && L.PC != M.AllocPC)
      continue;
    L.PC = M.AllocPC;
    ++L.Objects;
    L.Bytes += M.Size;
    return;
  }
}

void addGlobal(const RootRange &R, void *Ctx) {
  auto &G = *static_cast<GlobalRanges *>(Ctx);
  if (R.Kind == RootKind::Global && G.N < GlobalRanges::Max)
    G.R[G.N++] = R;
}

__attribute__((noinline)) void markAndSweep(RuntimeState &St,
                                            const GlobalRanges &G) {
  if (++St.Epoch == 0)
    St.Epoch = 1;
  St.M.begin(St.H, St.Epoch, nullptr);
  for (size_t I = 0; I < G.N; ++I)
    St.M.scanRoots(G.R[I].Begin, G.R[I].End, RootKind::Global, G.R[I].Module);
  // Everything from this frame up: the caller's frame holds the registers.
  uintptr_t Lo = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  markThreadRoots(St.M, currentThread(), Lo);
  St.H.sweep(St.Epoch, St.Cfg.ReclaimLeaks, onLeak, &St);
  St.SinceCollect = 0;
}

void maybeCollect(RuntimeState &St, size_t Bytes) {
  St.SinceCollect += Bytes;
  size_t Limit = St.Cfg.CollectBytes;
  if (!Limit || St.InRuntime)
    return;
  if (St.SinceCollect < Limit && St.H.stats().QuarantinedBytes < Limit / 2)
    return;
  if (!collectLocked(St))
    St.SinceCollect = 0; // retry after another Limit bytes
}

} // namespace

RuntimeState &escape::runtime::state() {
  if (__builtin_expect(S == nullptr, 0))
    pthread_once(&Once, initOnce);
  return *S;
}

void escape::runtime::lockHeap() { pthread_mutex_lock(&HeapLock); }
void escape::runtime::unlockHeap() { pthread_mutex_unlock(&HeapLock); }

namespace {
void scanStatic(const RootRange &R, void *Ctx) {
  static_cast<Marker *>(Ctx)->scanRoots(R.Begin, R.End, R.Kind, R.Module);
}
} // namespace

void escape::runtime::markStaticRoots(RuntimeState &St) {
  forEachStaticRoot(scanStatic, &St.M);
}

namespace {
struct ThreadScan {
  Marker *M;
  ThreadRecord *Me;
  uintptr_t MyLo;
};

void scanThread(ThreadRecord &R, void *Ctx) {
  auto &TS = *static_cast<ThreadScan *>(Ctx);
  Marker &M = *TS.M;
  M.setThread(R.Number);
  for (unsigned I = 0; I < R.NumTLS; ++I)
    M.scanRoots(R.TLSBegin[I], R.TLSEnd[I], RootKind::TLS, R.TLSModule[I]);
  if (&R == TS.Me) {
    M.scanRoots(TS.MyLo, R.StackTop, RootKind::Stack, "");
    return;
  }
  // A stopped thread: its registers as the signal found them, and its stack
  // from the stack pointer (less the x86-64 red zone) up.
  for (unsigned I = 0; I < ThreadRecord::NumRegs; ++I)
    M.scanRegister(FirstThreadRegister + I, R.Regs[I]);
  uintptr_t Lo = R.SP > 128 ? R.SP - 128 : R.SP;
  if (Lo < R.StackTop)
    M.scanRoots(Lo, R.StackTop, RootKind::Stack, "");
}

void scanPending(uintptr_t Arg, void *Ctx) {
  Marker &M = *static_cast<Marker *>(Ctx);
  M.setThread(0);
  M.scanRegister(PendingStartRegister, Arg);
}
} // namespace

void escape::runtime::markThreadRoots(Marker &M, ThreadRecord &Me,
                                      uintptr_t MyLo) {
  ThreadScan TS{&M, &Me, MyLo};
  forEachThread(scanThread, &TS);
  forEachPendingStart(scanPending, &M);
  M.setThread(Me.Number);
}

bool escape::runtime::collectLocked(RuntimeState &St) {
  // The loader's lock may be held by a thread about to be stopped: take the
  // writable segments first.
  // The ranges live in the runtime's mapping: an array in this frame would
  // be scanned as stack, with whatever older frames left in it.
  GlobalRanges &G = St.Globals;
  G.N = 0;
  forEachStaticRoot(addGlobal, &G);
  if (!stopWorld()) {
    reportRefusal(St, "collect");
    return false;
  }
  // Push the callee-saved registers into this frame (bdwgc's
  // GC_with_callee_saves_pushed): getcontext saves them in Ctx, and
  // __builtin_unwind_init makes the compiler spill them here as well.
  // Zeroed first: getcontext leaves most of the FPU area as it found it,
  // and older frames' residue there would be scanned as stack.
  ucontext_t Ctx;
  memset(&Ctx, 0, sizeof(Ctx));
  getcontext(&Ctx);
  __builtin_unwind_init();
  St.InRuntime = true;
  markAndSweep(St, G);
  St.InRuntime = false;
  startWorld();
  asm volatile("" : : "r"(&Ctx) : "memory");
  return true;
}

void escape::runtime::reportRefusal(RuntimeState &St, const char *What) {
  if (St.Cfg.AbortOnThreads) {
    fprintf(stderr,
            "escrt: fatal: cannot %s: a thread could not be stopped "
            "(ESCRT_THREADS=abort)\n",
            What);
    abort();
  }
  if (!St.RefusalReported && !St.Cfg.Quiet)
    fprintf(stderr,
            "escrt: refusing to %s: a thread the runtime does not know is "
            "running, or a thread did not stop. The heap grows instead; "
            "activations are reported unverified.\n",
            What);
  St.RefusalReported = true;
}

void *escape::runtime::allocate(size_t Size, ObjKind Kind, uintptr_t PC) {
  RuntimeState &St = state();
  lockHeap();
  maybeCollect(St, Size);
  void *P = St.H.allocate(Size, Kind, PC);
  if (P && St.Check)
    St.Check->onAllocate(reinterpret_cast<uintptr_t>(P), St.H.generation(),
                         Size);
  unlockHeap();
  if (!P) {
    fprintf(stderr,
            "escrt: fatal: out of heap allocating %zu bytes (reserve more "
            "with ESCRT_HEAP_GB)\n",
            Size);
    abort();
  }
  return P;
}

void escape::runtime::release(void *P) {
  if (!P)
    return;
  RuntimeState &St = state();
  lockHeap();
  bool WasLeaked = false;
  bool Ok = St.H.quarantine(P, WasLeaked);
  if (WasLeaked)
    ++St.DeletedAfterLeak;
  if (!Ok)
    ++St.BadFrees;
  unlockHeap();
  if (!Ok && !St.Cfg.Quiet)
    fprintf(stderr,
            "escrt: warning: delete of %p, which is not a live object of the "
            "runtime heap (double delete or foreign pointer); ignored\n",
            P);
}

CollectStatus escape::runtime::collect() {
  RuntimeState &St = state();
  lockHeap();
  CollectStatus Result = CollectStatus::Done;
  if (St.InRuntime)
    Result = CollectStatus::Busy;
  else if (!collectLocked(St))
    Result = CollectStatus::RefusedThreads;
  unlockHeap();
  return Result;
}

bool escape::runtime::isAllocated(const void *P) {
  return stateOf(P) != ObjState::Free;
}

ObjState escape::runtime::stateOf(const void *P) {
  RuntimeState &St = state();
  lockHeap();
  ObjRef R = St.H.find(reinterpret_cast<uintptr_t>(P));
  ObjState Result = R ? R.Meta->State : ObjState::Free;
  unlockHeap();
  return Result;
}

HeapStats escape::runtime::stats() {
  RuntimeState &St = state();
  lockHeap();
  HeapStats Result = St.H.stats();
  unlockHeap();
  return Result;
}

void escape::runtime::setCollectThreshold(size_t Bytes) {
  RuntimeState &St = state();
  lockHeap();
  St.Cfg.CollectBytes = Bytes;
  unlockHeap();
}

uint64_t escape::runtime::deletedAfterLeak() {
  return state().DeletedAfterLeak;
}

size_t escape::runtime::reportLeaks(int Fd) {
  collect();
  RuntimeState &St = state();
  lockHeap();
  size_t Total = 0;
  char Line[1024], Where[512];
  for (size_t I = 0; I < St.LeakCap && St.Leaks != MAP_FAILED; ++I) {
    const LeakSite &L = St.Leaks[I];
    if (!L.Objects)
      continue;
    Total += L.Objects;
    describeAddress(L.PC, Where, sizeof(Where));
    int N = snprintf(Line, sizeof(Line),
                     "escrt: leak: %llu object(s), %llu byte(s) allocated "
                     "from %s\n",
                     static_cast<unsigned long long>(L.Objects),
                     static_cast<unsigned long long>(L.Bytes), Where);
    if (N > 0 &&
        write(Fd, Line, size_t(N) < sizeof(Line) ? N : sizeof(Line) - 1) < 0)
      break;
  }
  unlockHeap();
  return Total;
}
