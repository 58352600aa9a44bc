//===- Checker.cpp - Escape checks at claimed functions' returns ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

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
#include <unistd.h>

extern "C" void escrt_return_trampoline();

using namespace escape::runtime;

namespace {

void *mapAnon(size_t Bytes) {
  void *P = mmap(nullptr, Bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return P == MAP_FAILED ? nullptr : P;
}

const char *const RegNames[] = {"rax", "rdx", "rbx", "rbp",
                                "r12", "r13", "r14", "r15"};

uintptr_t trampolineAddress() {
  return reinterpret_cast<uintptr_t>(&escrt_return_trampoline);
}

void jsonString(FILE *F, const char *S) {
  fputc('"', F);
  for (; *S; ++S) {
    unsigned char C = *S;
    if (C == '"' || C == '\\')
      fprintf(F, "\\%c", C);
    else if (C < 0x20)
      fprintf(F, "\\u%04x", C);
    else
      fputc(C, F);
  }
  fputc('"', F);
}

void bump(uint64_t &Counter) {
  __atomic_fetch_add(&Counter, 1, __ATOMIC_RELAXED);
}

// Set while this thread is inside a check or an entry scan.
__thread bool InCheck;

} // namespace

Checker *Checker::createFromEnvironment(RuntimeState &St) {
  const char *Path = getenv("ESCRT_CLAIMS");
  if (!Path || !*Path)
    return nullptr;
  void *P = mapAnon(sizeof(Checker));
  if (!P)
    return nullptr;
  Checker *C = new (P) Checker();
  C->S = &St;
  if (!C->Claims.load(Path))
    _exit(125);
  const char *Sample = getenv("ESCRT_SAMPLE");
  if (Sample && atoi(Sample) > 1)
    C->Sample = atoi(Sample);
  C->OutPath = getenv("ESCRT_OUT");
  C->MaxDepth = 4096;
  C->Log = static_cast<LogEntry *>(mapAnon(LogSize * sizeof(LogEntry)));
  C->MaxCands = size_t(1) << 20;
  C->Cands = static_cast<Candidate *>(mapAnon(C->MaxCands * sizeof(Candidate)));
  C->StringsCap = size_t(1) << 22;
  C->Strings = static_cast<char *>(mapAnon(C->StringsCap));
  C->StringsUsed = 1; // offset 0 means "no string"
  C->MaxGlobals = 4096;
  C->Globals =
      static_cast<RootRange *>(mapAnon(C->MaxGlobals * sizeof(RootRange)));
  if (!C->Log || !C->Cands || !C->Strings || !C->Globals)
    _exit(125);
  C->gatherGlobals();
  return C;
}

void Checker::onGlobal(const RootRange &R, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  if (R.Kind == RootKind::Global && C->NumGlobals < C->MaxGlobals)
    C->Globals[C->NumGlobals++] = R;
}

void Checker::gatherGlobals() {
  NumGlobals = 0;
  forEachStaticRoot(onGlobal, this);
}

Checker::ShadowStack &Checker::shadowOf(ThreadRecord &T) {
  if (__builtin_expect(T.Shadow == nullptr, 0)) {
    void *P = mapAnon(sizeof(ShadowStack) + MaxDepth * sizeof(Activation));
    if (!P)
      _exit(125);
    auto *Sh = static_cast<ShadowStack *>(P);
    Sh->Acts = reinterpret_cast<Activation *>(Sh + 1);
    // Reserved address space only: pages are touched as the pool fills.
    Sh->StaleCap = size_t(1) << 22;
    Sh->Stale =
        static_cast<StaleHit *>(mapAnon(Sh->StaleCap * sizeof(StaleHit)));
    if (!Sh->Stale)
      Sh->StaleCap = 0;
    T.Shadow = Sh;
  }
  return *static_cast<ShadowStack *>(T.Shadow);
}

uint32_t Checker::intern(const char *Text) {
  size_t N = strlen(Text) + 1;
  if (StringsUsed + N > StringsCap)
    return 0;
  memcpy(Strings + StringsUsed, Text, N);
  uint32_t Off = static_cast<uint32_t>(StringsUsed);
  StringsUsed += N;
  return Off;
}

void Checker::onEnter(uintptr_t FnAddr, uintptr_t CallSite, uintptr_t HookFrame,
                      uintptr_t HookReturn) {
  FnRecord *F = Claims.lookup(FnAddr);
  if (!F || InCheck)
    return;
  ThreadRecord &T = currentThread();
  if (!onMainThread())
    bump(F->OtherThread);
  if (__atomic_fetch_add(&F->Activations, 1, __ATOMIC_RELAXED) % Sample != 0) {
    bump(F->SampledOut);
    return;
  }
  ShadowStack &Sh = shadowOf(T);
  Activation *Acts = Sh.Acts;
  size_t &Depth = Sh.Depth;
  // The hook's own frame record links to F's: F's return address slot is
  // just above F's saved frame pointer. A missing frame pointer breaks the
  // link; the slot then does not hold the call site.
  uintptr_t FFP = *reinterpret_cast<uintptr_t *>(HookFrame);
  uintptr_t Top = T.StackTop;
  if (FFP <= HookFrame || FFP >= Top ||
      *reinterpret_cast<uintptr_t *>(FFP + 8) != CallSite) {
    bump(F->Unhookable);
    return;
  }
  // A hook call from outside F's own code means F was inlined there.
  if (F->Size && (HookReturn < FnAddr || HookReturn >= FnAddr + F->Size)) {
    bump(F->Inlined);
    return;
  }
  uintptr_t Hi = FFP + 16;
  // Entries at or below this frame are dead: their frames were left by an
  // exception or longjmp.
  while (Depth && Acts[Depth - 1].Hi <= Hi) {
    Activation &Dead = Acts[Depth - 1];
    if (!Dead.Abandoned)
      bump(Dead.Fn->Abandoned);
    --Depth;
  }
  if (Depth == MaxDepth) {
    bump(F->Unhookable);
    return;
  }
  lockHeap();
  Activation &A = Acts[Depth];
  A = Activation{};
  A.Fn = F;
  A.Serial = NextSerial++;
  A.Gen0 = S->H.generation();
  A.Slot = reinterpret_cast<uintptr_t *>(FFP + 8);
  A.RealRet = CallSite;
  A.Lo = HookFrame + 16;
  A.Hi = Hi;
  A.StaleBegin = A.StaleEnd = Depth ? Acts[Depth - 1].StaleEnd : 0;
  if (F->HasStack)
    preScan(T, A);
  ++Depth;
  *A.Slot = trampolineAddress();
  unlockHeap();
}

void Checker::onUnwind() {
  ShadowStack &Sh = shadowOf(currentThread());
  for (size_t I = 0; I < Sh.Depth; ++I) {
    Activation &A = Sh.Acts[I];
    if (A.Abandoned)
      continue;
    *A.Slot = A.RealRet;
    A.Abandoned = true;
    bump(A.Fn->Exception);
  }
}

uintptr_t Checker::onReturn(SavedRegs &Regs, uintptr_t CFA) {
  ThreadRecord &T = currentThread();
  ShadowStack &Sh = shadowOf(T);
  Activation *Acts = Sh.Acts;
  size_t &Depth = Sh.Depth;
  while (Depth && Acts[Depth - 1].Hi < CFA) {
    if (!Acts[Depth - 1].Abandoned)
      bump(Acts[Depth - 1].Fn->Abandoned);
    --Depth;
  }
  if (!Depth || Acts[Depth - 1].Hi != CFA) {
    fputs("escrt: fatal: the return trampoline found no activation for this "
          "frame\n",
          stderr);
    abort();
  }
  // The activation stays on the shadow stack during its check: witnesses
  // read the real return addresses of hijacked outer frames from it.
  Activation &A = Acts[Depth - 1];
  uintptr_t Ret = A.RealRet;
  lockHeap();
  S->InRuntime = true;
  InCheck = true;
  check(T, A, Regs);
  InCheck = false;
  S->InRuntime = false;
  --Depth;
  unlockHeap();
  return Ret;
}

void Checker::logAllocation(ThreadRecord &T, ShadowStack &Sh, uintptr_t Addr,
                            uint64_t Gen, size_t Size) {
  Activation *Acts = Sh.Acts;
  size_t Depth = Sh.Depth;
  if (ObjRef R = S->H.find(Addr))
    R.Meta->Thread = static_cast<uint16_t>(T.Number);
  LogEntry &E = Log[Gen % LogSize];
  E = LogEntry{};
  E.Addr = Addr;
  E.Gen = Gen;
  E.Thread = T.Number;
  E.Size = Size;
  size_t N = Depth < 4 ? Depth : 4;
  uintptr_t Limit = Acts[Depth - N].Hi;
  // Walk the frame-pointer chain from here up to the outermost tracked
  // activation; each frame whose saved frame pointer is F's gives the
  // return address inside F. The walk is validated (strictly increasing,
  // bounded), so a frame without a frame pointer just ends it.
  uintptr_t FP = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  unsigned Found = 0;
  for (unsigned Steps = 0; Steps < 512 && Found < N; ++Steps) {
    uintptr_t Next = reinterpret_cast<uintptr_t *>(FP)[0];
    uintptr_t Ret = reinterpret_cast<uintptr_t *>(FP)[1];
    for (size_t K = 0; K < N; ++K) {
      Activation &A = Acts[Depth - 1 - K];
      if (Next != A.Hi - 16 || E.Serial[K])
        continue;
      if (Ret == trampolineAddress())
        for (size_t J = 0; J < Depth; ++J)
          if (Acts[J].Slot == reinterpret_cast<uintptr_t *>(FP) + 1)
            Ret = Acts[J].RealRet;
      E.Serial[K] = A.Serial;
      E.PC[K] = Ret;
      ++Found;
    }
    if (Next <= FP || Next >= Limit)
      break;
    FP = Next;
  }
}

namespace {
/// Makes room for one more element in a table kept in an anonymous mapping,
/// doubling it; false if the mapping cannot grow.
template <typename T> bool growTable(T *&Table, unsigned Num, unsigned &Cap) {
  if (Num < Cap)
    return true;
  unsigned NewCap = Cap ? Cap * 2 : 16;
  auto *New = static_cast<T *>(mapAnon(NewCap * sizeof(T)));
  if (!New)
    return false;
  if (Table) {
    memcpy(New, Table, Num * sizeof(T));
    munmap(Table, Cap * sizeof(T));
  }
  Table = New;
  Cap = NewCap;
  return true;
}
} // namespace

SiteObs *Checker::siteFor(FnRecord &F, uintptr_t PC) {
  for (unsigned I = 0; I < F.NumSites; ++I)
    if (F.Sites[I].PC == PC)
      return &F.Sites[I];
  if (!growTable(F.Sites, F.NumSites, F.CapSites)) {
    ++F.SiteOverflow;
    F.Overflow = SiteObs{};
    return &F.Overflow;
  }
  SiteObs &New = F.Sites[F.NumSites++];
  New = SiteObs{};
  New.PC = PC;
  return &New;
}

void Checker::addCandidate(Activation &A, uintptr_t Addr, uintptr_t PC,
                           ObjMeta *Meta) {
  if (Meta->CandIdx)
    return;
  if (NumCands == MaxCands) {
    ++A.Fn->CandidateOverflow;
    return;
  }
  Candidate &C = Cands[NumCands++];
  C = Candidate{};
  C.Addr = Addr;
  C.PC = PC;
  C.Meta = Meta;
  Meta->CandIdx = static_cast<uint32_t>(NumCands);
}

void Checker::onOverflowObject(uintptr_t Base, size_t, ObjMeta &M, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  Activation &A = *C->CurAct;
  if (M.Gen <= A.Gen0 || M.Thread != uint16_t(C->CurThread->Number) ||
      (M.State != ObjState::Live && M.State != ObjState::Leaked))
    return;
  C->addCandidate(A, Base, 0, &M);
}

void Checker::check(ThreadRecord &T, Activation &A, SavedRegs &Regs) {
  FnRecord &F = *A.Fn;
  if (A.Abandoned)
    return;
  ++F.Checked;
  NumCands = 0;
  CurAct = &A;
  CurThread = &T;
  uint64_t Gen1 = S->H.generation();
  if (F.HasHeap) {
    if (Gen1 - A.Gen0 > LogSize) {
      // The log wrapped: find the activation's objects by generation.
      ++F.LogOverflow;
      S->H.forEachObject(onOverflowObject, this);
    } else {
      for (uint64_t G = A.Gen0 + 1; G <= Gen1; ++G) {
        const LogEntry &E = Log[G % LogSize];
        if (E.Gen != G || E.Thread != T.Number)
          continue; // allocated by another thread
        uintptr_t PC = 0;
        for (unsigned K = 0; K < 4; ++K)
          if (E.Serial[K] == A.Serial)
            PC = E.PC[K];
        ObjRef R = S->H.find(E.Addr);
        if (R && R.Base == E.Addr && R.Meta->Gen == G &&
            (R.Meta->State == ObjState::Live ||
             R.Meta->State == ObjState::Leaked))
          addCandidate(A, E.Addr, PC, R.Meta);
        else {
          SiteObs *Site = siteFor(F, PC);
          ++Site->Freed;
          Site->Bytes += E.Size;
        }
      }
    }
  }
  if (NumCands == 0 && !F.HasStack) {
    ++F.SkippedNoCandidate;
    return;
  }
  if (!stopWorld()) {
    // A thread the registry does not know, or one that did not stop: its
    // roots cannot be scanned, so this activation gets no verdict.
    reportRefusal(*S, "check");
    ++F.Threads;
    ++ThreadRefusals;
    for (size_t I = 0; I < NumCands; ++I)
      Cands[I].Meta->CandIdx = 0;
    NumCands = 0;
    return;
  }
  ++F.Traced;
  if (F.HasStack)
    ++F.StackChecked;
  MarkObserver Obs;
  Obs.OnCandidate = onCandidate;
  if (F.HasStack) {
    Obs.FrameLo = A.Lo;
    Obs.FrameHi = A.Hi;
    Obs.OnFrameHit = onFrameHit;
  }
  Obs.Ctx = this;
  CurRegs = &Regs;
  trace(T, A, &Regs, Obs);
  startWorld();
  for (size_t I = 0; I < NumCands; ++I) {
    Candidate &C = Cands[I];
    C.Meta->CandIdx = 0;
    SiteObs *Site = siteFor(F, C.PC);
    Site->Bytes += C.Meta->Size;
    if (!C.Escaped) {
      ++Site->Unreachable;
      continue;
    }
    ++Site->Escaped;
    Site->EscapedBytes += C.Meta->Size;
    if (!Site->Witness) {
      char What[256];
      snprintf(What, sizeof(What), "object %p (%u bytes)",
               reinterpret_cast<void *>(C.Addr), C.Meta->Size);
      Site->Witness =
          describeWitness(A, &Regs, C.Root, C.Holder,
                          C.Holder ? C.HolderLoc : C.Root.Loc, What);
    }
  }
  NumCands = 0;
  CurRegs = nullptr;
  CurAct = nullptr;
  CurThread = nullptr;
}

void Checker::trace(ThreadRecord &T, Activation &A, SavedRegs *Regs,
                    MarkObserver &Obs) {
  if (++S->Epoch == 0)
    S->Epoch = 1;
  S->M.begin(S->H, S->Epoch, &Obs);
  S->M.setThread(T.Number);
  if (Regs) {
    // Return registers first, and only those the function uses: a void
    // function's rax may still hold a callee's stale value.
    ReturnKind K = A.Fn->Ret;
    if (K == ReturnKind::Pointer || K == ReturnKind::Reference ||
        K == ReturnKind::Value || K == ReturnKind::Unknown)
      S->M.scanRegister(0, Regs->Rax);
    if (K == ReturnKind::Value || K == ReturnKind::Unknown)
      S->M.scanRegister(1, Regs->Rdx);
    const uintptr_t Saved[] = {Regs->Rbx, Regs->Rbp, Regs->R12,
                               Regs->R13, Regs->R14, Regs->R15};
    for (unsigned I = 0; I < 6; ++I)
      S->M.scanRegister(2 + I, Saved[I]);
  }
  for (size_t I = 0; I < NumGlobals; ++I)
    S->M.scanRoots(Globals[I].Begin, Globals[I].End, RootKind::Global,
                   Globals[I].Module);
  // Every thread's TLS, registers and live stack (the world is stopped).
  // The calling thread's live stack is everything above F's frame; F's
  // frame, its callees' residue and the runtime's own frames are below A.Hi.
  markThreadRoots(S->M, T, A.Hi);
}

void Checker::preScan(ThreadRecord &T, Activation &A) {
  if (!stopWorld()) {
    A.StaleOverflow = true; // nothing known: every hit is undecidable
    return;
  }
  MarkObserver Obs;
  Obs.FrameLo = A.Lo;
  Obs.FrameHi = A.Hi;
  Obs.OnFrameHit = onStaleHit;
  Obs.Ctx = this;
  CurAct = &A;
  CurThread = &T;
  S->InRuntime = true;
  InCheck = true;
  trace(T, A, nullptr, Obs);
  InCheck = false;
  S->InRuntime = false;
  CurAct = nullptr;
  CurThread = nullptr;
  startWorld();
}

void Checker::onStaleHit(const RootCursor &, uintptr_t, uintptr_t Loc,
                         uintptr_t Value, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  Activation &A = *C->CurAct;
  ShadowStack &Sh = *static_cast<ShadowStack *>(C->CurThread->Shadow);
  if (A.StaleEnd < Sh.StaleCap)
    Sh.Stale[A.StaleEnd++] = StaleHit{Loc, Value};
  else
    A.StaleOverflow = true;
}

void Checker::onCandidate(const RootCursor &Root, uintptr_t Holder,
                          uintptr_t Loc, const ObjRef &Obj, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  Candidate &Cand = C->Cands[Obj.Meta->CandIdx - 1];
  if (Cand.Escaped)
    return;
  Cand.Escaped = true;
  Cand.Root = Root;
  Cand.Holder = Holder;
  Cand.HolderLoc = Loc;
}

void Checker::onFrameHit(const RootCursor &Root, uintptr_t Holder,
                         uintptr_t Loc, uintptr_t Value, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  Activation &A = *C->CurAct;
  // A pointer that was already there at entry (left by an earlier frame at
  // the same depth) may or may not have been stored again by F.
  bool Stale = A.StaleOverflow;
  const StaleHit *Pool =
      static_cast<ShadowStack *>(C->CurThread->Shadow)->Stale;
  for (size_t I = A.StaleBegin; I < A.StaleEnd && !Stale; ++I)
    if (Pool[I].Loc == Loc && Pool[I].Value == Value)
      Stale = true;
  FnRecord &F = *A.Fn;
  int64_t Off = static_cast<int64_t>(Value) - static_cast<int64_t>(A.Hi);
  FrameObs *Hit = nullptr;
  for (unsigned I = 0; I < F.NumFrameHits; ++I)
    if (F.FrameHits[I].Offset == Off)
      Hit = &F.FrameHits[I];
  if (!Hit) {
    if (!growTable(F.FrameHits, F.NumFrameHits, F.CapFrameHits)) {
      // The hit cannot be recorded: the claims must not be confirmed.
      ++F.CandidateOverflow;
      return;
    }
    Hit = &F.FrameHits[F.NumFrameHits++];
    *Hit = FrameObs{Off, 0, 0, 0};
  }
  ++(Stale ? Hit->Stale : Hit->Count);
  if (!Hit->Witness) {
    char What[128];
    snprintf(What, sizeof(What), "address CFA%+lld of the frame",
             static_cast<long long>(Off));
    Hit->Witness = C->describeWitness(A, C->CurRegs, Root, Holder,
                                      Holder ? Loc : Root.Loc, What);
  }
}

uint32_t Checker::describeWitness(const Activation &A, const SavedRegs *Regs,
                                  const RootCursor &Root, uintptr_t Holder,
                                  uintptr_t Loc, const char *What) {
  char Buf[1024], Sym[512], RootText[640];
  switch (Root.Kind) {
  case RootKind::Register:
    if (Root.Loc < 8)
      snprintf(RootText, sizeof(RootText), "register %s%s", RegNames[Root.Loc],
               Root.Loc < 2 ? " (return value)" : " (callee-saved)");
    else if (Root.Loc < FirstThreadRegister + ThreadRecord::NumRegs)
      snprintf(RootText, sizeof(RootText), "register %s of thread %u",
               ThreadRegNames[Root.Loc - FirstThreadRegister], Root.Thread);
    else
      snprintf(RootText, sizeof(RootText),
               "the start argument of a thread being created");
    break;
  case RootKind::Global: {
    const char *Mod = Root.Module && *Root.Module ? Root.Module : "the program";
    if (describeAddress(Root.Loc, Sym, sizeof(Sym)))
      snprintf(RootText, sizeof(RootText), "global '%s' in %s", Sym, Mod);
    else
      snprintf(RootText, sizeof(RootText), "global word %s in %s", Sym, Mod);
    break;
  }
  case RootKind::TLS: {
    const char *Mod = Root.Module && *Root.Module ? Root.Module : "the program";
    const ProgramSymbol *Sym = nullptr;
    if (!*Root.Module)
      Sym = programTLSSymbolAt(Root.Loc - Root.RangeBegin);
    char Whose[32];
    if (Root.Thread == 1)
      snprintf(Whose, sizeof(Whose), "the main thread");
    else
      snprintf(Whose, sizeof(Whose), "thread %u", Root.Thread);
    if (Sym)
      snprintf(RootText, sizeof(RootText), "thread-local '%s' of %s in %s",
               Sym->Name, Whose, Mod);
    else
      snprintf(RootText, sizeof(RootText),
               "thread-local word 0x%lx of %s in %s",
               static_cast<unsigned long>(Root.Loc), Whose, Mod);
    break;
  }
  case RootKind::Stack: {
    if (CurThread && Root.Thread != CurThread->Number) {
      snprintf(RootText, sizeof(RootText), "stack slot %p of thread %u",
               reinterpret_cast<void *>(Root.Loc), Root.Thread);
      break;
    }
    // Find the frame owning the slot by walking the caller's frame chain:
    // the caller's frame is [A.Hi, rbp+16) and runs at A.RealRet.
    uintptr_t FP = Regs ? Regs->Rbp : 0, PC = A.RealRet, Low = A.Hi;
    bool Named = false;
    for (unsigned I = 0; I < 64 && FP > Low; ++I) {
      // A hijacked return address: the real one is on the shadow stack.
      if (PC == trampolineAddress() && CurThread && CurThread->Shadow) {
        auto &Sh = *static_cast<ShadowStack *>(CurThread->Shadow);
        for (size_t J = 0; J < Sh.Depth; ++J)
          if (Sh.Acts[J].Slot == reinterpret_cast<uintptr_t *>(Low) - 1)
            PC = Sh.Acts[J].RealRet;
      }
      if (Root.Loc >= Low && Root.Loc < FP + 16) {
        describeAddress(PC, Sym, sizeof(Sym));
        snprintf(RootText, sizeof(RootText),
                 "stack slot %p in the frame of %s (CFA%+lld)",
                 reinterpret_cast<void *>(Root.Loc), Sym,
                 static_cast<long long>(Root.Loc) -
                     static_cast<long long>(FP + 16));
        Named = true;
        break;
      }
      Low = FP + 16;
      PC = reinterpret_cast<uintptr_t *>(FP)[1];
      uintptr_t Next = reinterpret_cast<uintptr_t *>(FP)[0];
      if (Next <= FP)
        break;
      FP = Next;
    }
    if (!Named)
      snprintf(RootText, sizeof(RootText), "stack slot %p (caller+%lld)",
               reinterpret_cast<void *>(Root.Loc),
               static_cast<long long>(Root.Loc - A.Hi));
    break;
  }
  case RootKind::None:
    snprintf(RootText, sizeof(RootText), "unknown root");
    break;
  }
  if (!Holder) {
    snprintf(Buf, sizeof(Buf), "%s held by %s", What, RootText);
    return intern(Buf);
  }
  ObjRef H = S->H.find(Holder);
  if (H)
    describeAddress(H.Meta->AllocPC, Sym, sizeof(Sym));
  else
    snprintf(Sym, sizeof(Sym), "?");
  snprintf(Buf, sizeof(Buf),
           "%s held by heap object %p+%lld (%u bytes, allocated from %s), "
           "reached from %s",
           What, reinterpret_cast<void *>(Holder),
           static_cast<long long>(Loc - Holder), H ? H.Meta->Size : 0, Sym,
           RootText);
  return intern(Buf);
}

void Checker::finish() {
  if (Finished)
    return;
  Finished = true;
  // Activations still on the shadow stack never returned (exit() inside).
  ShadowStack &Sh = shadowOf(currentThread());
  for (size_t I = 0; I < Sh.Depth; ++I)
    if (!Sh.Acts[I].Abandoned)
      bump(Sh.Acts[I].Fn->Abandoned);
  if (!OutPath || !*OutPath)
    return;
  FILE *Out = fopen(OutPath, "w");
  if (!Out) {
    fprintf(stderr, "escrt: error: cannot write observations to '%s'\n",
            OutPath);
    return;
  }
  uintptr_t Rel;
  fprintf(Out, "{\"kind\":\"run\",\"pid\":%d,\"sample\":%u,\"exe\":", getpid(),
          Sample);
  jsonString(
      Out,
      moduleOf(reinterpret_cast<uintptr_t>(&escrt_return_trampoline), Rel));
  fprintf(Out, ",\"thread_refusals\":%llu}\n",
          static_cast<unsigned long long>(ThreadRefusals));
  for (size_t I = 0; I < Claims.size(); ++I) {
    FnRecord &F = Claims.records()[I];
    fprintf(
        Out,
        "{\"kind\":\"function\",\"id\":%u,\"found\":%s,\"activations\":%llu,"
        "\"sampled_out\":%llu,\"unhookable\":%llu,\"inlined\":%llu,"
        "\"other_thread\":%llu,\"threads\":%llu,\"exception\":%llu,"
        "\"abandoned\":%llu,\"checked\":%llu,\"traced\":%llu,"
        "\"skipped_no_candidate\":%llu,\"stack_checked\":%llu,"
        "\"log_overflow\":%llu,\"site_overflow\":%llu,"
        "\"candidate_overflow\":%llu}\n",
        F.Id, F.NumDefs ? "true" : "false", (unsigned long long)F.Activations,
        (unsigned long long)F.SampledOut, (unsigned long long)F.Unhookable,
        (unsigned long long)F.Inlined, (unsigned long long)F.OtherThread,
        (unsigned long long)F.Threads, (unsigned long long)F.Exception,
        (unsigned long long)F.Abandoned, (unsigned long long)F.Checked,
        (unsigned long long)F.Traced, (unsigned long long)F.SkippedNoCandidate,
        (unsigned long long)F.StackChecked, (unsigned long long)F.LogOverflow,
        (unsigned long long)F.SiteOverflow,
        (unsigned long long)F.CandidateOverflow);
    for (unsigned J = 0; J < F.NumSites; ++J) {
      SiteObs &Site = F.Sites[J];
      const char *Mod = "";
      Rel = 0;
      if (Site.PC)
        Mod = moduleOf(Site.PC - 1, Rel);
      fprintf(Out, "{\"kind\":\"site\",\"id\":%u,\"pc\":%llu,\"module\":", F.Id,
              (unsigned long long)(Site.PC ? Rel : 0));
      jsonString(Out, Mod);
      fprintf(Out,
              ",\"escaped\":%llu,\"freed\":%llu,\"unreachable\":%llu,"
              "\"bytes\":%llu,\"escaped_bytes\":%llu",
              (unsigned long long)Site.Escaped, (unsigned long long)Site.Freed,
              (unsigned long long)Site.Unreachable,
              (unsigned long long)Site.Bytes,
              (unsigned long long)Site.EscapedBytes);
      if (Site.Witness) {
        fputs(",\"witness\":", Out);
        jsonString(Out, Strings + Site.Witness);
      }
      fputs("}\n", Out);
    }
    for (unsigned J = 0; J < F.NumFrameHits; ++J) {
      FrameObs &Hit = F.FrameHits[J];
      fprintf(Out,
              "{\"kind\":\"frame\",\"id\":%u,\"offset\":%lld,\"count\":%llu,"
              "\"stale\":%llu",
              F.Id, (long long)Hit.Offset, (unsigned long long)Hit.Count,
              (unsigned long long)Hit.Stale);
      if (Hit.Witness) {
        fputs(",\"witness\":", Out);
        jsonString(Out, Strings + Hit.Witness);
      }
      fputs("}\n", Out);
    }
  }
  fclose(Out);
}
