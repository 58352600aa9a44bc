//===- Checker.cpp - Escape checks at claimed functions' returns ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Checker.h"
#include "ElfSymbols.h"
#include "RuntimeState.h"
#include "Threads.h"
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
  C->Acts =
      static_cast<Activation *>(mapAnon(C->MaxDepth * sizeof(Activation)));
  C->Log = static_cast<LogEntry *>(mapAnon(LogSize * sizeof(LogEntry)));
  C->MaxCands = size_t(1) << 20;
  C->Cands = static_cast<Candidate *>(mapAnon(C->MaxCands * sizeof(Candidate)));
  C->StringsCap = size_t(1) << 22;
  C->Strings = static_cast<char *>(mapAnon(C->StringsCap));
  C->StringsUsed = 1; // offset 0 means "no string"
  if (!C->Acts || !C->Log || !C->Cands || !C->Strings)
    _exit(125);
  return C;
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
  if (!F)
    return;
  if (!onMainThread()) {
    ++F->OtherThread;
    return;
  }
  if (S->InRuntime)
    return;
  if (F->Activations++ % Sample != 0) {
    ++F->SampledOut;
    return;
  }
  // The hook's own frame record links to F's: F's return address slot is
  // just above F's saved frame pointer. A missing frame pointer breaks the
  // link; the slot then does not hold the call site.
  uintptr_t FFP = *reinterpret_cast<uintptr_t *>(HookFrame);
  uintptr_t Top = stackTop();
  if (FFP <= HookFrame || FFP >= Top ||
      *reinterpret_cast<uintptr_t *>(FFP + 8) != CallSite) {
    ++F->Unhookable;
    return;
  }
  // A hook call from outside F's own code means F was inlined there.
  if (F->Size && (HookReturn < FnAddr || HookReturn >= FnAddr + F->Size)) {
    ++F->Inlined;
    return;
  }
  uintptr_t Hi = FFP + 16;
  // Entries at or below this frame are dead: their frames were left by an
  // exception or longjmp.
  while (Depth && Acts[Depth - 1].Hi <= Hi) {
    Activation &Dead = Acts[Depth - 1];
    if (!Dead.Abandoned)
      ++Dead.Fn->Abandoned;
    --Depth;
  }
  if (Depth == MaxDepth) {
    ++F->Unhookable;
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
  if (F->HasStack && countThreads() == 1)
    preScan(A);
  ++Depth;
  *A.Slot = trampolineAddress();
  unlockHeap();
}

void Checker::onUnwind() {
  for (size_t I = 0; I < Depth; ++I) {
    Activation &A = Acts[I];
    if (A.Abandoned)
      continue;
    *A.Slot = A.RealRet;
    A.Abandoned = true;
    ++A.Fn->Exception;
  }
}

uintptr_t Checker::onReturn(SavedRegs &Regs, uintptr_t CFA) {
  while (Depth && Acts[Depth - 1].Hi < CFA) {
    if (!Acts[Depth - 1].Abandoned)
      ++Acts[Depth - 1].Fn->Abandoned;
    --Depth;
  }
  if (!Depth || Acts[Depth - 1].Hi != CFA) {
    fputs("escrt: fatal: the return trampoline found no activation for this "
          "frame\n",
          stderr);
    abort();
  }
  Activation &A = Acts[--Depth];
  uintptr_t Ret = A.RealRet;
  lockHeap();
  S->InRuntime = true;
  check(A, Regs);
  S->InRuntime = false;
  unlockHeap();
  return Ret;
}

void Checker::logAllocation(uintptr_t Addr, uint64_t Gen, size_t Size) {
  if (!onMainThread())
    return;
  LogEntry &E = Log[Gen % LogSize];
  E = LogEntry{};
  E.Addr = Addr;
  E.Gen = Gen;
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

SiteObs *Checker::siteFor(FnRecord &F, uintptr_t PC) {
  for (unsigned I = 0; I < F.NumSites; ++I)
    if (F.Sites[I].PC == PC)
      return &F.Sites[I];
  if (F.NumSites == FnRecord::MaxSites) {
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
  if (M.Gen <= A.Gen0 ||
      (M.State != ObjState::Live && M.State != ObjState::Leaked))
    return;
  C->addCandidate(A, Base, 0, &M);
}

void Checker::check(Activation &A, SavedRegs &Regs) {
  FnRecord &F = *A.Fn;
  if (A.Abandoned)
    return;
  ++F.Checked;
  NumCands = 0;
  CurAct = &A;
  uint64_t Gen1 = S->H.generation();
  if (F.HasHeap) {
    if (Gen1 - A.Gen0 > LogSize) {
      // The log wrapped: find the activation's objects by generation.
      ++F.LogOverflow;
      S->H.forEachObject(onOverflowObject, this);
    } else {
      for (uint64_t G = A.Gen0 + 1; G <= Gen1; ++G) {
        const LogEntry &E = Log[G % LogSize];
        if (E.Gen != G)
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
  if (countThreads() != 1 || !onMainThread()) {
    // The thread rule: other threads' stacks, registers and TLS are not
    // scanned, so this activation gets no verdict.
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
  trace(A, &Regs, Obs);
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
          describeWitness(A, &Regs, C.Root, C.Holder, C.Root.Loc, What);
    }
  }
  NumCands = 0;
  CurRegs = nullptr;
  CurAct = nullptr;
}

void Checker::trace(Activation &A, SavedRegs *Regs, MarkObserver &Obs) {
  if (++S->Epoch == 0)
    S->Epoch = 1;
  S->M.begin(S->H, S->Epoch, &Obs);
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
  markStaticRoots(*S);
  // The live stack is everything above F's frame; F's frame, its callees'
  // residue and the runtime's own frames are below A.Hi.
  S->M.scanRoots(A.Hi, stackTop(), RootKind::Stack, "");
}

void Checker::preScan(Activation &A) {
  MarkObserver Obs;
  Obs.FrameLo = A.Lo;
  Obs.FrameHi = A.Hi;
  Obs.OnFrameHit = onStaleHit;
  Obs.Ctx = this;
  CurAct = &A;
  S->InRuntime = true;
  trace(A, nullptr, Obs);
  S->InRuntime = false;
  CurAct = nullptr;
}

void Checker::onStaleHit(const RootCursor &, uintptr_t, uintptr_t Loc,
                         uintptr_t Value, void *Ctx) {
  Activation &A = *static_cast<Checker *>(Ctx)->CurAct;
  if (A.NumStale < sizeof(A.Stale) / sizeof(A.Stale[0]))
    A.Stale[A.NumStale++] = StaleHit{Loc, Value};
  else
    A.StaleOverflow = true;
}

void Checker::onCandidate(const RootCursor &Root, uintptr_t Holder,
                          const ObjRef &Obj, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  Candidate &Cand = C->Cands[Obj.Meta->CandIdx - 1];
  if (Cand.Escaped)
    return;
  Cand.Escaped = true;
  Cand.Root = Root;
  Cand.Holder = Holder;
}

void Checker::onFrameHit(const RootCursor &Root, uintptr_t Holder,
                         uintptr_t Loc, uintptr_t Value, void *Ctx) {
  auto *C = static_cast<Checker *>(Ctx);
  Activation &A = *C->CurAct;
  // A pointer that was already there at entry (left by an earlier frame at
  // the same depth) may or may not have been stored again by F.
  bool Stale = A.StaleOverflow;
  for (unsigned I = 0; I < A.NumStale; ++I)
    if (A.Stale[I].Loc == Loc && A.Stale[I].Value == Value)
      Stale = true;
  FnRecord &F = *A.Fn;
  int64_t Off = static_cast<int64_t>(Value) - static_cast<int64_t>(A.Hi);
  FrameObs *Hit = nullptr;
  for (unsigned I = 0; I < F.NumFrameHits; ++I)
    if (F.FrameHits[I].Offset == Off)
      Hit = &F.FrameHits[I];
  if (!Hit) {
    if (F.NumFrameHits == FnRecord::MaxFrameHits)
      return;
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
    snprintf(RootText, sizeof(RootText), "register %s%s",
             Root.Loc < 8 ? RegNames[Root.Loc] : "?",
             Root.Loc < 2 ? " (return value)" : " (callee-saved)");
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
    if (Sym)
      snprintf(RootText, sizeof(RootText),
               "thread-local '%s' of the main thread in %s", Sym->Name, Mod);
    else
      snprintf(RootText, sizeof(RootText),
               "thread-local word 0x%lx of the main thread in %s",
               static_cast<unsigned long>(Root.Loc), Mod);
    break;
  }
  case RootKind::Stack: {
    // Find the frame owning the slot by walking the caller's frame chain:
    // the caller's frame is [A.Hi, rbp+16) and runs at A.RealRet.
    uintptr_t FP = Regs ? Regs->Rbp : 0, PC = A.RealRet, Low = A.Hi;
    bool Named = false;
    for (unsigned I = 0; I < 64 && FP > Low; ++I) {
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
  for (size_t I = 0; I < Depth; ++I)
    if (!Acts[I].Abandoned)
      ++Acts[I].Fn->Abandoned;
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
        "\"log_overflow\":%llu,\"site_overflow\":%llu}\n",
        F.Id, F.NumDefs ? "true" : "false", (unsigned long long)F.Activations,
        (unsigned long long)F.SampledOut, (unsigned long long)F.Unhookable,
        (unsigned long long)F.Inlined, (unsigned long long)F.OtherThread,
        (unsigned long long)F.Threads, (unsigned long long)F.Exception,
        (unsigned long long)F.Abandoned, (unsigned long long)F.Checked,
        (unsigned long long)F.Traced, (unsigned long long)F.SkippedNoCandidate,
        (unsigned long long)F.StackChecked, (unsigned long long)F.LogOverflow,
        (unsigned long long)F.SiteOverflow);
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
