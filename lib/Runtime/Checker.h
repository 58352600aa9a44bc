//===- Checker.h - Escape checks at claimed functions' returns --*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The checker answers two questions when a claimed function F returns:
//
//   heap:  is an object allocated during this activation (its generation is
//          in (gen at entry, gen now]) still allocated and reachable from
//          roots that outlive F: the return registers F actually uses, the
//          callee-saved registers, globals, every thread's TLS, the live
//          stack above F's frame and, with the world stopped, every other
//          thread's registers and stack?
//   stack: does any word of those roots, or of the heap they reach, point
//          into F's dying frame [sp at entry, CFA)?
//
// Activations are recorded by the entry hook on a shadow stack; the entry
// hook also replaces F's return address with a trampoline, which calls
// onReturn() with the registers as F left them and the stack pointer exactly
// at the caller's, then jumps to the real return address. Allocations made
// while a claimed activation is live go into a ring log together with the
// return address inside each of the four innermost claimed frames (found by
// a validated frame-pointer walk); the validator turns those into source
// lines and matches them with the heap claims.
//
// Observations are aggregated per function and written as JSON lines to
// ESCRT_OUT at exit. Checks are sampled (ESCRT_SAMPLE=N checks the 1st,
// (N+1)th, ... activation of each function) and skipped without a trace
// when no candidate is live and the function has no stack claim.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_CHECKER_H
#define CLANG_ESCAPE_LIB_RUNTIME_CHECKER_H

#include "ClaimTable.h"
#include "Marker.h"
#include "Threads.h"

namespace escape::runtime {

struct RuntimeState;

/// Registers saved by the return trampoline, in this order.
struct SavedRegs {
  uintptr_t Rax, Rdx, Rbx, Rbp, R12, R13, R14, R15;
};

/// The escape checker; exists only when ESCRT_CLAIMS names a claims file.
class Checker {
public:
  /// Creates the checker if ESCRT_CLAIMS is set; exits with a message if the
  /// file is unusable.
  static Checker *createFromEnvironment(RuntimeState &S);

  /// Entry hook of a function; \p HookFrame is the hook's frame address.
  void onEnter(uintptr_t Fn, uintptr_t CallSite, uintptr_t HookFrame,
               uintptr_t HookReturn);
  /// Called by the trampoline; returns the real return address.
  uintptr_t onReturn(SavedRegs &Regs, uintptr_t CFA);
  /// An exception (or forced unwind) starts: put back every hijacked return
  /// address so the unwinder sees real frames.
  void onUnwind();
  /// Logs an allocation of \p Size bytes (the heap lock is held).
  void onAllocate(uintptr_t Addr, uint64_t Gen, size_t Size) {
    ThreadRecord &T = currentThread();
    auto *Sh = static_cast<ShadowStack *>(T.Shadow);
    if (Sh && Sh->Depth)
      logAllocation(T, *Sh, Addr, Gen, Size);
  }
  /// Writes the observations (at exit).
  void finish();

private:
  struct StaleHit {
    uintptr_t Loc, Value;
  };
  struct Activation {
    FnRecord *Fn;
    uint64_t Serial, Gen0;
    uintptr_t *Slot;
    uintptr_t RealRet, Lo, Hi;
    bool Abandoned;
    /// More stale pointers than the thread's pool holds (or the entry scan
    /// could not run): every hit is counted as undecidable.
    bool StaleOverflow;
    /// This activation's stale pointers: [StaleBegin, StaleEnd) of the
    /// thread's pool, which nested activations use above StaleEnd.
    size_t StaleBegin, StaleEnd;
  };
  /// The claimed activations of one thread, innermost last.
  struct ShadowStack {
    Activation *Acts;
    size_t Depth;
    StaleHit *Stale; ///< The pool of stale pointers, StaleCap entries.
    size_t StaleCap;
  };
  struct LogEntry {
    uintptr_t Addr;
    uint64_t Gen;
    uint32_t Thread; ///< ThreadRecord::Number of the allocating thread.
    uint64_t Size;   ///< For the heap profile: a freed object's size is gone.
    uint64_t Serial[4];
    uintptr_t PC[4];
  };
  struct Candidate {
    uintptr_t Addr, PC;
    ObjMeta *Meta;
    bool Escaped;
    RootCursor Root;
    uintptr_t Holder, HolderLoc;
  };

  ShadowStack &shadowOf(ThreadRecord &T);
  void logAllocation(ThreadRecord &T, ShadowStack &Sh, uintptr_t Addr,
                     uint64_t Gen, size_t Size);
  void check(ThreadRecord &T, Activation &A, SavedRegs &Regs);
  void preScan(ThreadRecord &T, Activation &A);
  void trace(ThreadRecord &T, Activation &A, SavedRegs *Regs,
             MarkObserver &Obs);
  void gatherGlobals();
  static void onGlobal(const RootRange &R, void *Ctx);
  void addCandidate(Activation &A, uintptr_t Addr, uintptr_t PC, ObjMeta *Meta);
  SiteObs *siteFor(FnRecord &F, uintptr_t PC);
  uint32_t describeWitness(const Activation &A, const SavedRegs *Regs,
                           const RootCursor &Root, uintptr_t Holder,
                           uintptr_t Loc, const char *What);
  uint32_t intern(const char *Text);

  static void onCandidate(const RootCursor &Root, uintptr_t Holder,
                          uintptr_t Loc, const ObjRef &Obj, void *Ctx);
  static void onFrameHit(const RootCursor &Root, uintptr_t Holder,
                         uintptr_t Loc, uintptr_t Value, void *Ctx);
  static void onStaleHit(const RootCursor &Root, uintptr_t Holder,
                         uintptr_t Loc, uintptr_t Value, void *Ctx);
  static void onOverflowObject(uintptr_t Base, size_t Slot, ObjMeta &M,
                               void *Ctx);

  RuntimeState *S = nullptr;
  ClaimTable Claims;
  unsigned Sample = 1;
  const char *OutPath = nullptr;
  size_t MaxDepth = 0;
  /// The writable segments of the objects loaded at start-up, taken once
  /// (outside any lock: dl_iterate_phdr takes the loader's lock, which a
  /// stopped thread may hold).
  RootRange *Globals = nullptr;
  size_t NumGlobals = 0, MaxGlobals = 0;
  uint64_t NextSerial = 1;
  LogEntry *Log = nullptr;
  static constexpr size_t LogSize = size_t(1) << 16;
  Candidate *Cands = nullptr;
  size_t NumCands = 0, MaxCands = 0;
  char *Strings = nullptr;
  size_t StringsUsed = 0, StringsCap = 0;
  // Per-check context for the observers.
  Activation *CurAct = nullptr;
  ThreadRecord *CurThread = nullptr;
  SavedRegs *CurRegs = nullptr;
  uint64_t ThreadRefusals = 0;
  bool Finished = false;
};

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_CHECKER_H
