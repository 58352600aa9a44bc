//===- Verdicts.cpp - From observations to a verdict per claim ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Verdicts.h"

using namespace escape::validate;

const char *escape::validate::verdictName(Verdict V) {
  switch (V) {
  case Verdict::Confirmed:
    return "CONFIRMED";
  case Verdict::Unsound:
    return "UNSOUND";
  case Verdict::Imprecise:
    return "IMPRECISE";
  case Verdict::Unverified:
    return "UNVERIFIED";
  case Verdict::Unobserved:
    return "UNOBSERVED";
  }
  return "?";
}

namespace {

std::string plural(uint64_t N, const char *Word) {
  return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
}

/// Why a claim got no evidence, from the function's counters.
void noEvidence(const FunctionObservation *O, bool IsHeap, ClaimVerdict &CV) {
  if (!O || !O->Found) {
    CV.V = Verdict::Unobserved;
    CV.Detail = "no such function in the program (not linked in, or inlined "
                "everywhere)";
    return;
  }
  if (O->Activations == 0) {
    CV.V = Verdict::Unobserved;
    CV.Detail = "the function was never called";
    return;
  }
  if (O->Checked == 0) {
    CV.V = Verdict::Unverified;
    if (O->Unhookable)
      CV.Detail = plural(O->Unhookable, "activation") +
                  " without a frame pointer or return-address slot; build "
                  "with -O0 -fno-omit-frame-pointer";
    else if (O->Inlined)
      CV.Detail = plural(O->Inlined, "activation") +
                  " inlined into a caller; build with -O0";
    else if (O->Exception || O->Abandoned)
      CV.Detail = "every checked activation was left by an exception or "
                  "longjmp";
    else if (O->SampledOut)
      CV.Detail = "all " + plural(O->SampledOut, "activation") +
                  " were sampled out (--sample)";
    else
      CV.Detail = "no activation could be checked";
    return;
  }
  if (O->Traced == 0 && O->Threads) {
    CV.V = Verdict::Unverified;
    CV.Detail = "the other threads could not be stopped at any return (a "
                "thread the runtime does not know, or SIGPWR blocked)";
    return;
  }
  if (IsHeap && O->SiteOverflow) {
    CV.V = Verdict::Unverified;
    CV.Detail = "the function has more allocating call sites than the "
                "runtime records (" +
                plural(O->SiteOverflow, "allocation") + " not attributed)";
    return;
  }
  CV.V = Verdict::Unobserved;
  CV.Detail = IsHeap ? "the allocation site never allocated during a checked "
                       "activation (" +
                           plural(O->Checked, "checked activation") + ")"
                     : "no checked activation";
}

void judgeHeap(const FunctionClaims &Fn, const FunctionObservation *O,
               FunctionVerdicts &FV) {
  std::vector<bool> SiteUsed;
  std::vector<const SiteObservation *> Sites;
  if (O)
    for (auto &[Key, S] : O->Sites)
      Sites.push_back(&S);
  SiteUsed.assign(Sites.size(), false);
  for (size_t I = 0; I < Fn.Heap.size(); ++I) {
    const HeapClaim &C = Fn.Heap[I];
    ClaimVerdict CV;
    CV.IsHeap = true;
    CV.Index = I;
    std::string Witness;
    for (size_t S = 0; S < Sites.size(); ++S) {
      const SiteObservation &Site = *Sites[S];
      // Match by line; a site the symbolizer could not place belongs to the
      // claim only when the function has a single heap claim.
      bool Match = Site.Line ? Site.Line == C.Line : Fn.Heap.size() == 1;
      if (!Match)
        continue;
      SiteUsed[S] = true;
      CV.EscapedCount += Site.Escaped;
      CV.NotEscapedCount += Site.Freed + Site.Unreachable;
      if (Site.Escaped && Witness.empty())
        Witness = Site.Witness;
    }
    if (CV.EscapedCount) {
      CV.V = C.Escapes ? Verdict::Confirmed : Verdict::Unsound;
      CV.Detail = Witness.empty() ? "escaped" : Witness;
    } else if (CV.NotEscapedCount && O->CandidateOverflow) {
      CV.V = Verdict::Unverified;
      CV.Detail = "more live objects or frame hits at a return than the "
                  "runtime could track";
    } else if (CV.NotEscapedCount) {
      CV.V = C.Escapes ? Verdict::Imprecise : Verdict::Confirmed;
      CV.Detail = "never escaped in " +
                  plural(CV.NotEscapedCount, "allocation") +
                  " observed at return";
    } else {
      noEvidence(O, true, CV);
    }
    FV.Claims.push_back(CV);
  }
  for (size_t S = 0; S < Sites.size(); ++S)
    if (!SiteUsed[S] && Sites[S]->Escaped)
      FV.Unclaimed.push_back(Sites[S]);
}

void judgeStack(const FunctionClaims &Fn, const FunctionObservation *O,
                const std::map<std::string, FrameSlot> *Slots,
                FunctionVerdicts &FV) {
  bool AllNoEscape = true;
  for (const StackClaim &C : Fn.Stack)
    AllNoEscape &= !C.Escapes;
  for (size_t I = 0; I < Fn.Stack.size(); ++I) {
    const StackClaim &C = Fn.Stack[I];
    ClaimVerdict CV;
    CV.IsHeap = false;
    CV.Index = I;
    if (!O || O->StackChecked == 0 || O->Traced == 0) {
      noEvidence(O, false, CV);
      FV.Claims.push_back(CV);
      continue;
    }
    const FrameSlot *Slot = nullptr;
    if (Slots) {
      auto It = Slots->find(C.Name);
      if (It != Slots->end())
        Slot = &It->second;
    }
    std::string Witness, StaleWitness;
    uint64_t Hits = 0, StaleHits = 0;
    for (auto &[Off, Fr] : O->Frames) {
      bool Mine;
      if (Slot)
        Mine = Off >= Slot->CFAOffset &&
               Off < Slot->CFAOffset +
                         static_cast<long long>(Slot->Size ? Slot->Size : 1);
      else
        Mine = Fn.Stack.size() == 1 || AllNoEscape;
      if (!Mine)
        continue;
      Hits += Fr.Count;
      StaleHits += Fr.Stale;
      if (Fr.Count && Witness.empty())
        Witness = Fr.Witness;
      if (Fr.Stale && StaleWitness.empty())
        StaleWitness = Fr.Witness;
    }
    CV.EscapedCount = Hits;
    CV.NotEscapedCount = O->StackChecked;
    if (Hits) {
      CV.V = C.Escapes ? Verdict::Confirmed : Verdict::Unsound;
      CV.Detail = Witness;
      if (Slot) {
        size_t At = CV.Detail.find(" of the frame");
        if (At != std::string::npos)
          CV.Detail.insert(At + 13, " (&" + C.Name + ")");
      }
      if (!Slot && Fn.Stack.size() > 1)
        CV.Detail += " (frame-level match: the variable's slot is unknown)";
    } else if (O->CandidateOverflow) {
      CV.V = Verdict::Unverified;
      CV.Detail = "more live objects or frame hits at a return than the "
                  "runtime could track";
    } else if (StaleHits) {
      CV.V = Verdict::Unverified;
      CV.Detail = "a pointer into the frame left by an earlier call was "
                  "still there at return; a store of the same address by "
                  "this call cannot be told apart: " +
                  StaleWitness;
    } else if (!Slot && !O->Frames.empty()) {
      CV.V = Verdict::Unverified;
      CV.Detail = "addresses into the frame were seen but could not be "
                  "attributed to a variable (no debug info)";
    } else {
      CV.V = C.Escapes ? Verdict::Imprecise : Verdict::Confirmed;
      CV.Detail = "no address into the frame outlived " +
                  plural(O->StackChecked, "checked activation");
    }
    FV.Claims.push_back(CV);
  }
}

} // namespace

std::vector<FunctionVerdicts> escape::validate::judge(
    const ClaimsFile &Claims, const std::vector<int> &RuntimeId,
    const Observations &Obs,
    const std::map<size_t, std::map<std::string, FrameSlot>> &Slots,
    const std::map<size_t, Exclusion> &Excluded) {
  std::vector<FunctionVerdicts> Result;
  for (size_t I = 0; I < Claims.Functions.size(); ++I) {
    const FunctionClaims &Fn = Claims.Functions[I];
    FunctionVerdicts FV;
    FV.Fn = &Fn;
    if (auto Ex = Excluded.find(I); Ex != Excluded.end()) {
      for (size_t K = 0; K < Fn.Heap.size() + Fn.Stack.size(); ++K) {
        ClaimVerdict CV;
        CV.IsHeap = K < Fn.Heap.size();
        CV.Index = CV.IsHeap ? K : K - Fn.Heap.size();
        CV.V = Ex->second.V;
        CV.Detail = Ex->second.Detail;
        FV.Claims.push_back(CV);
      }
      Result.push_back(std::move(FV));
      continue;
    }
    int Id = RuntimeId[I];
    if (Id >= 0 && size_t(Id) < Obs.Functions.size())
      FV.Obs = &Obs.Functions[Id];
    judgeHeap(Fn, FV.Obs, FV);
    auto S = Slots.find(I);
    judgeStack(Fn, FV.Obs, S == Slots.end() ? nullptr : &S->second, FV);
    Result.push_back(std::move(FV));
  }
  return Result;
}
