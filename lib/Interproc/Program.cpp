//===- Program.cpp - Whole-program solving over the call graph ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Go's VisitFuncsBottomUp + Batch, with summaries instead of shared graphs
// inside a component: members of a recursive component start from empty
// summaries and are re-solved until their summaries stop changing (the
// lattice of levels is finite, so this terminates).
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Graph/Skeleton.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

namespace escape {

namespace {

template <typename T> void release(std::vector<T> &V) {
  std::vector<T>().swap(V);
}

} // namespace

/// True if \p A and \p B name the same file, however spelled: a header
/// reached as `src/x.h` and as `/repo/src/y/../x.h` is one definition.
static bool samePath(llvm::StringRef A, llvm::StringRef B) {
  if (A == B)
    return true;
  llvm::SmallString<256> NA(A), NB(B);
  llvm::sys::path::remove_dots(NA, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_dots(NB, /*remove_dot_dot=*/true);
  if (NA == NB)
    return true;
  // One relative to the working directory, the other absolute.
  llvm::StringRef Abs = NA, Rel = NB;
  if (llvm::sys::path::is_relative(Abs))
    std::swap(Abs, Rel);
  return llvm::sys::path::is_absolute(Abs) &&
         llvm::sys::path::is_relative(Rel) && Abs.ends_with(Rel) &&
         Abs.size() > Rel.size() &&
         llvm::sys::path::is_separator(Abs[Abs.size() - Rel.size() - 1]);
}

void Program::add(std::vector<FunctionGraph> Gs, std::vector<int> Hs) {
  auto Keep = [&](FunctionGraph &&G, int H) -> FunctionGraph & {
    if (H >= 0 && Loader)
      keepSkeleton(G);
    else
      H = -1;
    Graphs.push_back(std::move(G));
    Handles.push_back(H);
    return Graphs.back();
  };
  for (size_t K = 0; K < Gs.size(); ++K) {
    FunctionGraph &G = Gs[K];
    int H = K < Hs.size() ? Hs[K] : -1;
    auto [It, New] = ByKey.emplace(G.Key, static_cast<int>(Graphs.size()));
    if (!New) {
      FunctionGraph &Old = Graphs[It->second];
      bool SameDefinition = samePath(Old.Pos.File, G.Pos.File) &&
                            Old.Pos.Line == G.Pos.Line &&
                            Old.Pos.Column == G.Pos.Column;
      if (!SameDefinition) {
        // Another definition with the same name elsewhere: 'main' of
        // several programs of one database, or an ODR violation across
        // them. Both are analyzed; calls by name reach the first.
        if (!samePath(Old.Pos.File, G.Pos.File))
          Collisions.push_back({G.Name, Old.Pos.File, G.Pos.File});
        G.Key = keyApart(G.Key, G.Pos.File);
        if (!ByKey.emplace(G.Key, static_cast<int>(Graphs.size())).second)
          continue;
        Keep(std::move(G), H);
        continue;
      }
      // The same inline function with another body (different macros):
      // keep one, and say so.
      // Named with where it is defined: "name\tfile\tline".
      if (Old.OdrHash && G.OdrHash && Old.OdrHash != G.OdrHash)
        if (std::string Entry =
                G.Name + '\t' + G.Pos.File + '\t' + std::to_string(G.Pos.Line);
            std::find(OdrMismatches.begin(), OdrMismatches.end(), Entry) ==
            OdrMismatches.end())
          OdrMismatches.push_back(std::move(Entry)); // once per function
      // Prefer the copy from a file being reported on.
      if (!Old.MainFile && G.MainFile) {
        int At = It->second;
        Old = std::move(G);
        Handles[At] = H >= 0 && Loader ? H : -1;
        if (Handles[At] >= 0)
          keepSkeleton(Old);
      }
      continue;
    }
    Keep(std::move(G), H);
  }
}

const FunctionSummary *Program::summary(const std::string &Key) const {
  auto It = ByKey.find(Key);
  if (It == ByKey.end() || It->second >= static_cast<int>(Solved.size()))
    return nullptr;
  return &Solved[It->second].Summary;
}

std::vector<int>
Program::absorb(Program &&Other,
                const std::function<bool(const FunctionGraph &, int)> &Keep) {
  std::vector<int> Where(Other.Graphs.size(), -1);
  for (size_t I = 0; I < Other.Graphs.size(); ++I) {
    if (!Keep(Other.Graphs[I], static_cast<int>(I)))
      continue;
    Where[I] = static_cast<int>(Graphs.size());
    ByKey.emplace(Other.Graphs[I].Key, Where[I]); // the first stays
    Graphs.push_back(std::move(Other.Graphs[I]));
    Solved.push_back(I < Other.Solved.size() ? std::move(Other.Solved[I])
                                             : SolvedFunction());
  }
  for (std::string &N : Other.OdrMismatches)
    if (std::find(OdrMismatches.begin(), OdrMismatches.end(), N) ==
        OdrMismatches.end())
      OdrMismatches.push_back(std::move(N));
  return Where;
}

void Program::index() {
  ByKey.clear();
  Overriders.clear();
  for (size_t I = 0; I < Graphs.size(); ++I) {
    ByKey.emplace(Graphs[I].Key, static_cast<int>(I));
    for (const std::string &O : Graphs[I].Overrides)
      Overriders[O].push_back(static_cast<int>(I));
  }
}

std::vector<int> Program::targets(const CallSite &C) const {
  std::vector<int> T;
  auto It = ByKey.find(C.CalleeKey);
  if (It != ByKey.end())
    T.push_back(It->second);
  if (C.Virtual) {
    auto O = Overriders.find(C.CalleeKey);
    if (O != Overriders.end())
      T.insert(T.end(), O->second.begin(), O->second.end());
  }
  return T;
}

static void mergeLeak(Leak &Dst, const Leak &Src) {
  if (Dst.merge(Src.Level, Src.Maybe, Src.Via, Src.Sink)) {
    Dst.GuardSlot = Src.GuardSlot;
    Dst.GuardValue = Src.GuardValue;
  } else if (Src.present() && Src.Level == Dst.Level &&
             (Src.GuardSlot != Dst.GuardSlot ||
              Src.GuardValue != Dst.GuardValue)) {
    Dst.GuardSlot = -1; // two overriders, two conditions: unconditional
  }
}

static void mergeLeaks(ParamLeaks &D, const ParamLeaks &S) {
  mergeLeak(D.Heap, S.Heap);
  mergeLeak(D.Thread, S.Thread);
  mergeLeak(D.Coro, S.Coro);
  mergeLeak(D.Result, S.Result);
  for (auto &[J, L] : S.Content)
    mergeLeak(D.Content[J], L);
  for (auto &[F, L] : S.FieldContent)
    mergeLeak(D.FieldContent[F], L);
}

/// Marks as a maybe each leak of \p Merged into what outlives the call
/// (the heap, a thread, a coroutine frame, an argument's object) that not
/// every one of \p Ts, the overriders a virtual call merges, has: which of
/// them runs is an assumption (`iter->SeekToFirst()` on an iterator only
/// one subclass of which keeps its argument). Stores into an argument's
/// object count per object, whichever member they go to.
static void weakenDisagreeing(FunctionSummary &Merged,
                              llvm::ArrayRef<const FunctionSummary *> Ts) {
  using Of = llvm::function_ref<const ParamLeaks *(const FunctionSummary &)>;
  auto StoresInto = [](const ParamLeaks &Q, int J) {
    auto It = Q.Content.find(J);
    if (It != Q.Content.end() && It->second.present())
      return true;
    return llvm::any_of(Q.FieldContent, [&](const auto &FL) {
      return FL.first.Slot == J && FL.second.present();
    });
  };
  auto WeakenAll = [&](ParamLeaks &P, Of Get) {
    auto Weaken = [&](Leak &L, auto Has) {
      if (L.present() && !llvm::all_of(Ts, [&](const FunctionSummary *T) {
            const ParamLeaks *Q = Get(*T);
            return Q && Has(*Q);
          }))
        L.Maybe = true;
    };
    Weaken(P.Heap, [](const ParamLeaks &Q) { return Q.Heap.present(); });
    Weaken(P.Thread, [](const ParamLeaks &Q) { return Q.Thread.present(); });
    Weaken(P.Coro, [](const ParamLeaks &Q) { return Q.Coro.present(); });
    for (auto &[J, L] : P.Content)
      Weaken(L, [&, J = J](const ParamLeaks &Q) { return StoresInto(Q, J); });
    for (auto &[F, L] : P.FieldContent)
      if (F.Slot >= 0)
        Weaken(L, [&, J = F.Slot](const ParamLeaks &Q) {
          return StoresInto(Q, J);
        });
  };
  for (size_t I = 0; I < Merged.Slots.size(); ++I)
    WeakenAll(Merged.Slots[I],
              [I](const FunctionSummary &T) -> const ParamLeaks * {
                return I < T.Slots.size() ? &T.Slots[I] : nullptr;
              });
  for (auto &[F, P] : Merged.Fields)
    WeakenAll(P, [&F = F](const FunctionSummary &T) -> const ParamLeaks * {
      auto It = T.Fields.find(F);
      return It == T.Fields.end() ? nullptr : &It->second;
    });
}

static void mergeSummary(FunctionSummary &Dst, const FunctionSummary &Src) {
  if (Dst.Slots.size() < Src.Slots.size())
    Dst.Slots.resize(Src.Slots.size());
  for (size_t I = 0; I < Src.Slots.size(); ++I)
    mergeLeaks(Dst.Slots[I], Src.Slots[I]);
  for (auto &[F, S] : Src.Fields)
    mergeLeaks(Dst.Fields[F], S);
  Dst.Unknown |= Src.Unknown;
  Dst.ResultFromOutside |= Src.ResultFromOutside;
  // Any target writing a member may unlink through it; any storing into or
  // clearing a global may do so.
  for (auto [D, S] : {std::pair{&Dst.Writes, &Src.Writes},
                      {&Dst.GlobalsStored, &Src.GlobalsStored},
                      {&Dst.GlobalsCleared, &Src.GlobalsCleared}}) {
    std::vector<std::string> Union;
    std::set_union(D->begin(), D->end(), S->begin(), S->end(),
                   std::back_inserter(Union));
    *D = std::move(Union);
  }
}

std::vector<std::vector<int>> Program::sccs() const {
  // Tarjan's algorithm, iteratively: a 10,000-deep call chain must not
  // overflow the stack.
  int N = static_cast<int>(Graphs.size());
  std::vector<std::vector<int>> Succ(N);
  for (int I = 0; I < N; ++I)
    for (const CallSite &C : Graphs[I].Calls)
      for (int T : targets(C))
        Succ[I].push_back(T);
  std::vector<int> Index(N, -1), Low(N, 0), Stack;
  std::vector<bool> OnStack(N, false);
  std::vector<std::vector<int>> Out;
  int Next = 0;
  struct Frame {
    int V;
    size_t Child;
  };
  for (int Start = 0; Start < N; ++Start) {
    if (Index[Start] >= 0)
      continue;
    std::vector<Frame> Call{{Start, 0}};
    Index[Start] = Low[Start] = Next++;
    Stack.push_back(Start);
    OnStack[Start] = true;
    while (!Call.empty()) {
      Frame &F = Call.back();
      if (F.Child < Succ[F.V].size()) {
        int W = Succ[F.V][F.Child++];
        if (Index[W] < 0) {
          Index[W] = Low[W] = Next++;
          Stack.push_back(W);
          OnStack[W] = true;
          Call.push_back({W, 0});
        } else if (OnStack[W]) {
          Low[F.V] = std::min(Low[F.V], Index[W]);
        }
        continue;
      }
      int V = F.V;
      Call.pop_back();
      if (!Call.empty())
        Low[Call.back().V] = std::min(Low[Call.back().V], Low[V]);
      if (Low[V] == Index[V]) {
        std::vector<int> C;
        int W;
        do {
          W = Stack.back();
          Stack.pop_back();
          OnStack[W] = false;
          C.push_back(W);
        } while (W != V);
        Out.push_back(std::move(C));
      }
    }
  }
  return Out; // callees' components come first
}

/// Walks back from node \p From over the edges into it, calling Visit(L, D)
/// on each node reached with the value of From D loads below L's (-1: L's
/// address), on through flow nodes, locals and the stores through a pointer
/// into an object (a Deref node holds what is stored through it), while
/// Visit says so.
template <typename F>
static void valuesInto(const FunctionGraph &G, const std::vector<Edge> &Edges,
                       const std::vector<std::vector<int>> &In, int From,
                       F Visit) {
  constexpr int MaxLoads = 6;
  std::set<std::pair<int, int>> Seen;
  std::vector<std::pair<int, int>> Work{{From, 0}};
  while (!Work.empty()) {
    auto [L, D] = Work.back();
    Work.pop_back();
    if (!Seen.insert({L, D}).second || !Visit(L, D))
      continue;
    const Location &X = G.Locs[L];
    if (X.Kind != LocKind::Flow && X.Kind != LocKind::Local &&
        X.Kind != LocKind::Temporary && X.Kind != LocKind::Deref)
      continue;
    for (int EI : In[L])
      if (int ND = D + Edges[EI].Derefs; ND >= -1 && ND <= MaxLoads)
        Work.push_back({Edges[EI].Src, ND});
  }
}

/// FunctionSummary::ReturnsAlloc: every value the result holds is the
/// address of an allocation of the function (its `new`, or a callee's
/// fresh object, CallSite::Fresh) that reaches nothing but the result: a
/// factory that registers what it makes does not return fresh storage.
/// A class returned by value and kept by field (a smart pointer of the
/// program, `return Ptr<T>{new T}`) is fresh when each of its fields is;
/// one kept whole (a std::shared_ptr) when it holds only such addresses,
/// as a pointer.
/// An allocation that only may reach something else (given to a callee
/// without a body) still counts; MaybeKept says so.
static bool returnsAlloc(const SolvedFunction &S, const FunctionGraph &G,
                         const std::vector<int> &Explained, bool &MaybeKept,
                         std::vector<int> &UnlessGiven) {
  MaybeKept = false;
  UnlessGiven.clear();
  std::vector<int> Results{FunctionGraph::ResultLoc};
  if (G.ReturnKind == "value") {
    for (size_t L = 0; L < G.Locs.size(); ++L)
      if (G.Locs[L].Kind == LocKind::Result && !G.Locs[L].Field.empty())
        Results.push_back(static_cast<int>(L));
  } else if (G.ReturnKind != "pointer" && G.ReturnKind != "reference") {
    return false;
  }
  std::vector<std::vector<int>> In(G.Locs.size());
  for (size_t I = 0; I < S.Edges.size(); ++I)
    In[S.Edges[I].Dst].push_back(static_cast<int>(I));
  std::set<int> Allocs;
  bool Fresh = true;
  for (int R : Results)
    for (int EI : In[R])
      valuesInto(G, S.Edges, In, S.Edges[EI].Src, [&](int L, int D) {
        const Location &X = G.Locs[L];
        int Dd = D + S.Edges[EI].Derefs;
        if (Dd == -1 && X.Kind == LocKind::Alloc) {
          Allocs.insert(L);
          return false;
        }
        // A pointer parameter handed back as it came (`realloc(old, n)`
        // returning `old`): fresh when the caller gives a null pointer.
        if (Dd == 0 && X.Kind == LocKind::Param && X.Slot >= 0) {
          if (!llvm::is_contained(UnlessGiven, X.Slot))
            UnlessGiven.push_back(X.Slot);
          return false;
        }
        // A store through a pointer holds what is stored, maybe nothing.
        // So does a call result its callee says holds nothing (`return
        // nullptr;` building the smart pointer returned). A node holding the
        // address of one that holds the result (a converting constructor's
        // reference to the temporary `make_shared<Derived>` made) is a step
        // on the way: the walk goes on to what it holds.
        bool Step = !In[L].empty() &&
                    (X.Kind == LocKind::Flow || X.Kind == LocKind::Local ||
                     X.Kind == LocKind::Temporary);
        bool Through =
            (Dd >= 0 && Step) ||
            (Dd == 0 && (X.Kind == LocKind::Deref ||
                         (In[L].empty() && llvm::is_contained(Explained, L))));
        Fresh = Fresh && Through;
        return Fresh;
      });
  llvm::sort(UnlessGiven);
  if (!Fresh || Allocs.empty()) {
    UnlessGiven.clear();
    return false;
  }
  for (const EscapeFact &F : S.Escapes)
    if (Allocs.count(F.Loc) && !llvm::is_contained(Results, F.Root)) {
      // Also handed back through an out-parameter, or kept in a member of
      // the object it is made for (`data_ = p; return p;`): the caller's
      // fresh object goes there too (FunctionSummary::FreshOut).
      const Location &Rt = G.Locs[F.Root];
      if (!F.Maybe && Rt.Kind == LocKind::ParamContent &&
          llvm::is_contained(S.Summary.FreshOut, Rt.Slot))
        continue;
      if (!F.Maybe) {
        UnlessGiven.clear();
        return false;
      }
      MaybeKept = true;
    }
  return UnlessGiven.empty();
}

/// The call edges of \p G added to its own; \p Targets gives each call's
/// targets' summaries (Program::TargetSummaries).
static std::vector<Edge> callEdgesOf(const FunctionGraph &G,
                                     std::vector<int> &Explained,
                                     Program::TargetSummaries Targets,
                                     std::vector<int> *Waits) {
  std::vector<Edge> Out = G.Edges;
  std::vector<const FunctionSummary *> Ts;
  // Nodes a call's result reaches directly: an object a deref of one of
  // them names is what a call hands back (`*std::back_inserter(v)`).
  std::vector<bool> FromCall;
  auto ReachedFromCall = [&](int L) {
    if (FromCall.empty()) {
      FromCall.assign(G.Locs.size(), false);
      for (const CallSite &C : G.Calls)
        if (C.Result >= 0)
          FromCall[C.Result] = true;
      for (const Edge &E : G.Edges)
        if (E.Src >= 0 && FromCall[E.Src] && E.Dst >= 0)
          FromCall[E.Dst] = true;
    }
    return L >= 0 && FromCall[L];
  };
  for (size_t CI = 0; CI < G.Calls.size(); ++CI) {
    const CallSite &C = G.Calls[CI];
    const FunctionSummary *S = nullptr;
    FunctionSummary Unknown, Merged;
    Merged.ResultFromOutside = false; // until a target's summary says so
    Ts.clear();
    // The slots every target waits on.
    auto WaitsOnSlot = [&](int J) {
      return !Ts.empty() && llvm::all_of(Ts, [&](const FunctionSummary *T) {
        return llvm::is_contained(T->WaitsOn, J);
      });
    };
    if (Targets(CI, Ts)) {
      for (const FunctionSummary *T : Ts)
        mergeSummary(Merged, *T);
      if (Ts.empty())
        continue; // same component, not yet solved: optimistic start
      if (C.Virtual && Ts.size() > 1)
        weakenDisagreeing(Merged, Ts);
      // A parameter's object given to a callee that waits on it: the
      // function waits on it too.
      for (size_t J = 0; Waits && J < C.ArgParamObject.size(); ++J)
        if (C.ArgParamObject[J] >= 0 && WaitsOnSlot(static_cast<int>(J)))
          Waits->push_back(C.ArgParamObject[J]);
      // A method run on a parameter's object that runs or joins the work
      // the object holds (`tp.Wait()` in a `Join(tp)` helper): the function
      // returns once that work is done, as if it waited on it.
      if (Waits && C.Method && !C.ArgParamObject.empty() &&
          C.ArgParamObject[0] >= 0 &&
          llvm::all_of(Ts, [](const FunctionSummary *T) { return T->Drains; }))
        Waits->push_back(C.ArgParamObject[0]);
      Merged.Name = C.CalleeName;
      S = &Merged;
    } else if (C.Model >= 0) {
      S = &G.Models[C.Model];
    } else {
      Unknown.Unknown = true;
      Unknown.Slots.resize(C.Args.size());
      for (ParamLeaks &P : Unknown.Slots)
        P.Heap.merge(0, true, "");
      S = &Unknown;
    }
    // A node linked into an object by direct stores before this call, which
    // writes the member it was linked through: the call may unlink it.
    for (size_t U = 0; U < G.Unlinks.size(); ++U)
      if (G.Unlinks[U].Call == static_cast<int>(CI) && !S->Unknown &&
          std::binary_search(S->Writes.begin(), S->Writes.end(),
                             G.Unlinks[U].Field))
        for (size_t EI = 0; EI < G.Edges.size(); ++EI)
          if (Out[EI].Unlink == static_cast<int>(U)) {
            Out[EI].Maybe = true;
            Out[EI].Notes.push_back(
                Note{"may be taken back by", C.Spelling, C.Pos});
          }
    // A store into a global that a later call of the block, given no
    // address, may clear (FunctionGraph::GlobalReleases).
    std::string ReleasedBy = C.ReleasedBy;
    if (ReleasedBy.empty() && !S->Unknown && !S->GlobalsStored.empty())
      for (const FunctionGraph::GlobalRelease &R : G.GlobalReleases) {
        std::vector<const FunctionSummary *> Bys;
        if (R.Call != static_cast<int>(CI) || !Targets(R.By, Bys))
          continue;
        auto Clears = [&](const FunctionSummary *T) {
          return !T->Unknown &&
                 llvm::any_of(T->GlobalsCleared, [&](const std::string &V) {
                   return std::binary_search(S->GlobalsStored.begin(),
                                             S->GlobalsStored.end(), V);
                 });
        };
        if (llvm::any_of(Bys, Clears)) {
          ReleasedBy = G.Calls[R.By].Spelling;
          break;
        }
      }
    // A virtual call merges every overrider seen: a fact about the program,
    // but one that a new overrider elsewhere could change.
    // Unknown callees' default leaks carry their own maybe; attributes on
    // them ([[clang::lifetimebound]]) are facts.
    bool Maybe = false;
    std::string Who = S->Unknown ? "via unknown '" + C.CalleeName + "'"
                                 : "via '" + C.CalleeName + "'";
    // Below: the source is one level above what the summary counts from (a
    // field's value read through the pointer to its object).
    // With CallSite::ScopedByResult: whether the result holds what the
    // parameter being applied gives.
    bool ScopeHolds = true;
    auto Add = [&](int Dst, int Src, const Leak &L, int Below, std::string Why,
                   bool Weak = false) {
      if (!L.present() || Src < 0 || Dst < 0)
        return;
      // `store(p, false)` where the store happens only `if (persist)`.
      if (L.GuardSlot >= 0 &&
          L.GuardSlot < static_cast<int>(C.ArgConst.size()) &&
          C.ArgConst[L.GuardSlot] == static_cast<int>(!L.GuardValue))
        return;
      Edge E;
      E.Dst = Dst;
      E.Src = Src;
      E.Derefs = L.Level + Below;
      E.Maybe = Maybe || L.Maybe;
      // The guard passed on (`callee(p, is_mutable)`): the caller's own
      // parameter decides, and a caller of the caller may pass a constant.
      if (L.GuardSlot >= 0 &&
          L.GuardSlot < static_cast<int>(C.ArgParam.size()) &&
          C.ArgParam[L.GuardSlot] >= 0) {
        E.GuardSlot = C.ArgParam[L.GuardSlot];
        E.GuardValue = L.GuardValue;
      }
      // What a call on a local RAII object registers, its destructor may
      // unregister: a maybe.
      bool Scoped =
          !C.ScopedBy.empty() && ScopeHolds &&
          (Dst == FunctionGraph::HeapLoc || Dst == FunctionGraph::ThreadLoc ||
           G.Locs[Dst].Kind == LocKind::Deref);
      // A thread the function then waits for through a flag or condition.
      bool Waited = Dst == FunctionGraph::ThreadLoc && G.WaitsForThreads;
      // Work the function then waits for by a signal the work gives.
      bool Signalled = C.Signalled && Dst != C.Result;
      bool Released = !ReleasedBy.empty() && Dst != C.Result;
      E.Maybe |= Scoped || Weak || Waited || Signalled || Released;
      // An attribute on an otherwise unknown callee is a fact about it.
      bool Attributed = S->Unknown && L.Via.rfind("[[", 0) == 0;
      Note N{Why + " " + (Attributed ? "via '" + C.CalleeName + "'" : Who) +
                 (Scoped   ? " until the destructor of '" + C.ScopedBy + "'"
                  : Waited ? std::string(", which the function may wait for")
                  : Signalled
                      ? std::string(", until the work signals the function "
                                    "that waits for it")
                  : Released ? ", until '" + ReleasedBy + "' may take it back"
                             : std::string()),
             C.Spelling, C.Pos};
      if (G.Locs[Dst].Kind == LocKind::Result)
        E.Notes = C.ObjectNotes;
      E.Notes.push_back(std::move(N));
      // Named, so that the caller's finding says which global keeps it.
      if (Dst == FunctionGraph::HeapLoc && !L.Sink.empty())
        E.Notes.push_back(Note{"kept in", L.Sink, SourcePos()});
      if (!L.Via.empty())
        E.Notes.push_back(Note{"in callee", L.Via, SourcePos()});
      Out.push_back(std::move(E));
    };
    auto ExactFieldArg = [&](const FieldRef &F) -> const CallSite::FieldArg * {
      for (const CallSite::FieldArg &A : C.ArgFields)
        if (A.Ref == F)
          return &A;
      return nullptr;
    };
    // A path deeper than the caller splits its argument
    // ("List::head/Node::next" for `this->tasks`, whose fields are split
    // once): the caller's node for the longest enclosing member object,
    // which holds what its own fields hold, rather than the whole argument.
    auto FieldArg = [&](const FieldRef &F) -> const CallSite::FieldArg * {
      if (const CallSite::FieldArg *A = ExactFieldArg(F))
        return A;
      if (F.Field.empty() || F.Field[0] == '*' ||
          F.Field.find("/*") != std::string::npos)
        return nullptr;
      for (size_t Cut = F.Field.rfind('/'); Cut != std::string::npos && Cut > 0;
           Cut = F.Field.rfind('/', Cut - 1))
        if (const CallSite::FieldArg *A =
                ExactFieldArg(FieldRef{F.Slot, F.Field.substr(0, Cut)}))
          return A;
      return nullptr;
    };
    auto Content = [&](int J) {
      int Dst = J >= 0 && J < static_cast<int>(C.ArgContent.size())
                    ? C.ArgContent[J]
                    : -1;
      if (Dst == CallSite::NoObject)
        return -1;
      return Dst >= 0 ? Dst : FunctionGraph::HeapLoc;
    };
    // What goes into the object is only a maybe when the same container is
    // popped later (`q.push_back(&w)` ... `q.pop_front()`, a queue
    // discipline the analysis cannot prove), or when the object cannot be
    // seen and the function then waits (`env->Schedule(fn, &state)`).
    bool Queued = C.Method && G.WaitsForThreads && C.ArgContent.size() > 0 &&
                  (C.ArgContent[0] == FunctionGraph::HeapLoc ||
                   (C.ArgContent[0] >= 0 &&
                    G.Locs[C.ArgContent[0]].Kind == LocKind::Deref));
    // Taken out again in the same block (push_back ... pop_back) is a
    // heuristic too: whichever element was removed, what is stored stays
    // a maybe, never a definite "does not escape".
    bool Weak = (C.Method && (C.PoppedLater || C.Undone)) || Queued;
    const char *IntoObject =
        Queued ? "stored into the object, which the function may wait for"
        : Weak ? "stored into the object until taken out again later"
               : "stored into the object";
    // Whether a library model says anything about what the call returns.
    bool ModelReturns = false;
    // The callee hands back an object it creates and nothing else
    // (FunctionSummary::ReturnsAlloc).
    // Or one that hands back a pointer it is given, given a null pointer
    // there (FunctionSummary::FreshUnlessGiven).
    auto Fresh = [&](const FunctionSummary *T) {
      return T->ReturnsAlloc ||
             (!T->FreshUnlessGiven.empty() &&
              llvm::all_of(T->FreshUnlessGiven, [&](int Slot) {
                return Slot < static_cast<int>(C.ArgContent.size()) &&
                       C.ArgContent[Slot] == CallSite::NoObject;
              }));
    };
    bool FreshResult =
        C.Fresh >= 0 && C.Result >= 0 &&
        (S == &Merged ? llvm::all_of(Ts, Fresh) : C.Model >= 0 && Fresh(S));
    // Given a pointer there, the result is fresh storage or that pointer
    // (a wrapper passing its own parameter on is such a function again).
    bool FreshOrGiven = !FreshResult && C.Fresh >= 0 && C.Result >= 0 &&
                        S == &Merged && !Ts.empty() &&
                        llvm::all_of(Ts, [](const FunctionSummary *T) {
                          return !T->FreshUnlessGiven.empty();
                        });
    // Work handed to an object destroyed before the captured locals die,
    // by a destructor that runs or joins what the object holds.
    auto RunsAt = [&](int D, bool OrBlocks) {
      std::vector<const FunctionSummary *> Runs;
      return D >= 0 && D < static_cast<int>(G.Calls.size()) &&
             Targets(D, Runs) && !Runs.empty() &&
             llvm::all_of(
                 Runs,
                 [&](const FunctionSummary *R) {
                   return R->Drains || (OrBlocks && R->Blocks);
                 });
    };
    // Or a later call given a local its own work holds, whose callees wait
    // on it (CallSite::WaitsOnArgs).
    // Of the slots \p Slots of call site D, one its callees all wait on.
    auto WaitsOnAt = [&](int D, llvm::ArrayRef<int> Slots) {
      std::vector<const FunctionSummary *> Ws;
      return D >= 0 && D < static_cast<int>(G.Calls.size()) && Targets(D, Ws) &&
             !Ws.empty() &&
             llvm::any_of(
                 Slots,
                 [&](int J) {
                   return llvm::all_of(Ws, [&](const FunctionSummary *W) {
                     return llvm::is_contained(W->WaitsOn, J);
                   });
                 });
    };
    auto WaitsAt = [&](int D) {
      return D >= 0 && D < static_cast<int>(G.Calls.size()) &&
             WaitsOnAt(D, G.Calls[D].WaitsOnArgs);
    };
    bool Drained =
        llvm::any_of(C.DrainedBy,
                     [&](int D) { return RunsAt(D, false) || WaitsAt(D); }) ||
        // Or work holding a local the function then calls a method on that
        // waits for the work's signal (CallSite::SignalledBy).
        RunsAt(C.SignalledBy, true) || WaitsAt(C.SignalledBy) ||
        // Or a callee that waits on a local the work holds
        // (`execute_and_wait(task, ctx)`, the task holding `ctx`).
        llvm::any_of(C.WaitsOnArgs, WaitsOnSlot);
    // What slot Own's object holds, moved into that same object (`a.f_ =
    // std::move(a.g_)`, one member container's element pushed into
    // another): nothing leaves the object. Without a node of its own for the
    // field stored into, the caller would send it to the object's content,
    // anywhere when it cannot see the object.
    auto Moves = [&](int Own, int Slot, const Leak &L, int Below,
                     bool OwnSink) {
      return Own >= 0 && Slot == Own && OwnSink && L.Level + Below == 1;
    };
    // The handle the call returns waited on, by a later call whose callees
    // wait on the slot it is given in (CallSite::HandleWaitedBy).
    bool HandleDone = C.HandleWaited;
    for (size_t K = 0; !HandleDone && K < C.HandleWaitedBy.size() &&
                       K < C.HandleWaitedSlot.size();
         ++K)
      HandleDone = WaitsOnAt(C.HandleWaitedBy[K], C.HandleWaitedSlot[K]);
    Drained |= HandleDone;
    auto Apply = [&](const ParamLeaks &P, int A, int Below, int Own = -1) {
      // Work waited for: only what the call returns stays; of work whose
      // handle was waited on, what the result holds ran and is not run
      // again: a maybe.
      bool Keeps = !C.WaitedFor && !Drained;
      ScopeHolds = !C.ScopedByResult || P.Result.present() ||
                   llvm::any_of(P.FieldContent, [](const auto &FL) {
                     return FL.first.Slot == FieldRef::ResultSlot;
                   });
      ModelReturns |=
          P.Result.present() ||
          std::any_of(P.FieldContent.begin(), P.FieldContent.end(),
                      [](const auto &FL) {
                        return FL.first.Slot == FieldRef::ResultSlot;
                      });
      if (Keeps) {
        Add(FunctionGraph::HeapLoc, A, P.Heap, Below, "kept");
        Add(FunctionGraph::ThreadLoc, A, P.Thread, Below, "handed to a thread");
        Add(FunctionGraph::CoroLoc, A, P.Coro, Below,
            "kept in a coroutine frame");
        for (auto &[J, L] : P.Content)
          if (!Moves(Own, J, L, Below, true))
            Add(Content(J), A, L, Below,
                J == 0 && C.Method ? IntoObject : "stored",
                (J == 0 && Weak) || (J > 0 && C.LaterCall));
      }
      // The result of a factory holds only the object it creates: what the
      // summary says reaches the result was stored into that object
      // (`make_shared<Handle>(shared_from_this())`), not into the pointer.
      if (FreshResult)
        Add(C.Fresh, A, P.Result, Below, "stored into the object created",
            HandleDone);
      else
        Add(C.Result, A, P.Result, Below, "returned", HandleDone);
      for (auto &[F, L] : P.FieldContent) {
        if (!Keeps && F.Slot != FieldRef::ResultSlot)
          continue;
        const CallSite::FieldArg *FA = FieldArg(F);
        // A field of what a member refers to ("*Builder::g_/Graph::tasks"):
        // where the caller maps what the member refers to.
        if (!FA && !F.Field.empty() && F.Field[0] == '*')
          if (size_t Cut = F.Field.find('/'); Cut != std::string::npos)
            FA = FieldArg(FieldRef{F.Slot, F.Field.substr(0, Cut)});
        int Dst = F.Slot == FieldRef::ResultSlot ? C.Result : Content(F.Slot);
        // Through a reference or pointer member whose target the caller
        // does not know: anywhere. When the caller reaches the object itself
        // through a pointer it holds (`f(*ctx.h)`, not a reference a call
        // returns) but keeps no node for its members, the member may as
        // well point into the caller's own frame: a maybe.
        bool UnknownMember = false;
        if (!FA && !F.Field.empty() &&
            (F.Field[0] == '*' || F.Field.find("/*") != std::string::npos)) {
          UnknownMember = F.Slot != FieldRef::ResultSlot &&
                          Dst != FunctionGraph::HeapLoc &&
                          G.Locs[Dst].Kind == LocKind::Deref &&
                          !ReachedFromCall(G.Locs[Dst].Pointer);
          // The object linking itself into what a member of its own points
          // to (a stop callback list, a parent's children, a waiter queue):
          // a back link, mostly into something the object owns or outlives.
          // Where the caller cannot see that target, a maybe.
          UnknownMember |= F.Slot == Own && L.Level + Below == 0;
          Dst = FunctionGraph::HeapLoc;
        }
        if (FA && Dst >= 0)
          Dst = FA->Sink;
        if (Moves(Own, F.Slot, L, Below,
                  Dst == Content(F.Slot) &&
                      (F.Field.empty() || F.Field[0] != '*')))
          continue;
        Add(Dst, A, L, Below, F.Slot == 0 && C.Method ? IntoObject : "stored",
            (F.Slot == 0 && Weak) || (F.Slot > 0 && C.LaterCall) ||
                UnknownMember ||
                (HandleDone && F.Slot == FieldRef::ResultSlot));
      }
    };
    size_t NS = std::min(S->Slots.size(), C.Args.size());
    for (size_t I = 0; I < NS; ++I)
      if (C.Args[I] >= 0)
        Apply(S->Slots[I], C.Args[I], 0, static_cast<int>(I));
    // What a field held on entry: the caller's own node for that field when
    // it keeps one, else what the argument points to.
    for (auto &[F, P] : S->Fields) {
      // A field's address: the address of the caller's node for it, else
      // of the whole argument.
      if (F.isAddress()) {
        if (const CallSite::FieldArg *FA = FieldArg(F.addressed());
            FA && FA->Source >= 0)
          Apply(P, FA->Source, -1);
        else if (F.Slot >= 0 && F.Slot < static_cast<int>(C.Args.size()) &&
                 C.Args[F.Slot] >= 0)
          Apply(P, C.Args[F.Slot], 0, F.Slot);
        continue;
      }
      // A captured variable the caller cannot name: no flow (see
      // Design.md, Lambdas).
      if (const CallSite::FieldArg *FA = FieldArg(F); FA && FA->Source >= 0)
        Apply(P, FA->Source, 0);
      else if (F.Slot >= 0 && F.Slot < static_cast<int>(C.Args.size()) &&
               C.Args[F.Slot] >= 0)
        Apply(P, C.Args[F.Slot], 1, F.Slot);
    }
    // The object the callee creates and hands back, as its result or through
    // an out-parameter (`*out = new T;`; FunctionSummary::ReturnsAlloc,
    // FreshOut): a fresh object of this call, as `new` written here, not
    // anything.
    auto FreshInto = [&](int Dst, const char *How) {
      Edge E;
      E.Dst = Dst;
      E.Src = C.Fresh;
      E.Derefs = -1;
      E.Notes.push_back(Note{std::string(How) + Who, C.Spelling, C.Pos});
      Out.push_back(std::move(E));
    };
    if (FreshOrGiven)
      FreshInto(C.Result, "perhaps created and returned ");
    if (FreshResult) {
      FreshInto(C.Result, "created and returned ");
      // Perhaps also kept by a callee of the factory that has no body.
      if (llvm::any_of(
              Ts, [](const FunctionSummary *T) { return T->FreshMaybeKept; })) {
        Edge E;
        E.Dst = FunctionGraph::HeapLoc;
        E.Src = C.Fresh;
        E.Derefs = -1;
        E.Maybe = true;
        E.Notes.push_back(
            Note{"created and perhaps kept " + Who, C.Spelling, C.Pos});
        Out.push_back(std::move(E));
      }
    }
    for (size_t J = 0; C.Fresh >= 0 && S == &Merged && J < C.ArgContent.size();
         ++J)
      if (C.ArgContent[J] >= 0 &&
          llvm::all_of(Ts, [&](const FunctionSummary *T) {
            return llvm::is_contained(T->FreshOut, static_cast<int>(J));
          }))
        FreshInto(C.ArgContent[J], "created and handed back ");
    // What the result holds beyond what the parameters explain comes from
    // anywhere: a store through it lands in the heap (resolveDerefs). So
    // does one through the result of a library model that says nothing
    // about its result.
    bool Outside =
        S->Unknown || (S == &Merged ? S->ResultFromOutside : !ModelReturns);
    if (C.Result >= 0 && (!Outside || FreshResult || FreshOrGiven))
      Explained.push_back(C.Result);
  }
  return Out;
}

/// Adds to \p S the parameter slots \p Waits its function waits on through
/// its callees (FunctionSummary::WaitsOn).
static void addWaits(FunctionSummary &S, std::vector<int> &Waits) {
  if (Waits.empty())
    return;
  Waits.insert(Waits.end(), S.WaitsOn.begin(), S.WaitsOn.end());
  llvm::sort(Waits);
  Waits.erase(std::unique(Waits.begin(), Waits.end()), Waits.end());
  S.WaitsOn = std::move(Waits);
}

SolvedFunction Program::solveHere(const FunctionGraph &G) const {
  return solveAlone(G,
                    [&](size_t CI, std::vector<const FunctionSummary *> &Out) {
                      std::vector<int> Ts = targets(G.Calls[CI]);
                      for (int T : Ts)
                        if (T < static_cast<int>(Solved.size()))
                          Out.push_back(&Solved[T].Summary);
                      return !Ts.empty();
                    });
}

SolvedFunction Program::solveAlone(const FunctionGraph &G,
                                   TargetSummaries Targets) {
  std::vector<int> Explained, Waits;
  std::vector<Edge> Edges = callEdgesOf(G, Explained, Targets, &Waits);
  SolvedFunction S = solveFunction(G, std::move(Edges), Explained);
  addWaits(S.Summary, Waits);
  S.Summary.ReturnsAlloc = returnsAlloc(
      S, G, Explained, S.Summary.FreshMaybeKept, S.Summary.FreshUnlessGiven);
  return S;
}

const FunctionGraph *Program::body(size_t I) {
  if (Handles[I] < 0)
    return &Graphs[I];
  auto It = Bodies.find(I);
  if (It != Bodies.end())
    return &It->second;
  auto B = Loader(Handles[I]);
  if (!B) {
    // Gone or damaged since the link read it: nothing is known of it.
    BodyErrors.push_back("'" + Graphs[I].Name +
                         "' solved as unknown: " + toString(B.takeError()));
    FunctionSummary &S = Solved[I].Summary;
    S.Unknown = true;
    for (ParamLeaks &P : S.Slots)
      P.Heap.merge(0, true, "its graph could not be read again");
    return nullptr;
  }
  // What the link decided about it (a key made unique, not reported on).
  B->Key = Graphs[I].Key;
  B->MainFile = Graphs[I].MainFile;
  return &(Bodies[I] = std::move(*B));
}

void Program::finish(size_t Base, size_t N, const SolvedVisitor &Visit) {
  for (size_t I = Base; I < Base + N; ++I) {
    if (Handles[I] < 0) {
      if (Visit)
        Visit(I, Graphs[I], Solved[I]);
      continue;
    }
    auto It = Bodies.find(I);
    if (It == Bodies.end())
      continue; // unreadable: solved as unknown, nothing to report
    if (Visit)
      Visit(I, It->second, Solved[I]);
    Bodies.erase(It);
    SolvedFunction &S = Solved[I];
    release(S.Edges);
    release(S.Escapes);
    release(S.FreedUses);
    std::vector<bool>().swap(S.AddressEscapes);
  }
}

bool Program::componentKey(size_t Base, size_t N, ComponentReuse &Reuse,
                           GraphId &Key) {
  std::string In;
  auto Put = [&](llvm::StringRef S) {
    In += std::to_string(S.size());
    In += ':';
    In += S;
  };
  for (size_t I = Base; I < Base + N; ++I) {
    std::string Id = Reuse.identity(I, Graphs[I], Handles[I]);
    if (Id.empty())
      return false;
    Put(Id);
    Put(Graphs[I].Key);
    // Every call's targets, in order: inside the component by name, outside
    // by name and summary.
    for (const CallSite &C : Graphs[I].Calls) {
      In += '(';
      for (int T : targets(C)) {
        Put(Graphs[T].Key);
        if (T < static_cast<int>(Base) || T >= static_cast<int>(Base + N))
          In += std::to_string(SummaryHash[T]);
        In += ',';
      }
      In += ')';
    }
  }
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(llvm::arrayRefFromStringRef(In));
  Key = {H.high64, H.low64};
  return true;
}

void Program::solve(const SolvedVisitor &Visit, ComponentReuse *Reuse) {
  index();
  Solved.clear();
  Solved.reserve(Graphs.size());
  // Solved is indexed like Graphs; entries become valid as components are
  // finished. solveHere() treats indices >= Solved.size() as "not yet", so
  // solve in an order that keeps Solved a prefix: remap by component order.
  std::vector<std::vector<int>> Comps = sccs();
  std::vector<int> Order;
  for (auto &C : Comps)
    for (int V : C)
      Order.push_back(V);
  // Renumber the graphs so that components are contiguous and bottom-up.
  std::vector<FunctionGraph> Sorted;
  std::vector<int> SortedHandles;
  Sorted.reserve(Graphs.size());
  SortedHandles.reserve(Graphs.size());
  for (int V : Order) {
    Sorted.push_back(std::move(Graphs[V]));
    SortedHandles.push_back(Handles[V]);
  }
  Graphs = std::move(Sorted);
  Handles = std::move(SortedHandles);
  index();

  SolvedCount = ReusedCount = 0;
  SummaryHash.assign(Reuse ? Graphs.size() : 0, 0);
  // Once a component's summaries are final: hashed for its callers' keys.
  auto Hash = [&](size_t Base, size_t N) {
    if (Reuse)
      for (size_t I = Base; I < Base + N; ++I)
        SummaryHash[I] = llvm::xxh3_64bits(encodeSummary(Solved[I].Summary));
  };
  auto SummariesOf = [&](size_t Base, size_t N) {
    std::vector<FunctionSummary> Out;
    for (size_t I = Base; I < Base + N; ++I)
      Out.push_back(Solved[I].Summary);
    return Out;
  };
  size_t Base = 0;
  for (auto &C : Comps) {
    size_t N = C.size();
    bool Recursive = N > 1;
    if (!Recursive)
      for (const CallSite &CS : Graphs[Base].Calls)
        Recursive |= CS.CalleeKey == Graphs[Base].Key;
    // Members start with empty summaries.
    for (size_t I = 0; I < N; ++I) {
      SolvedFunction Empty;
      Empty.Summary.Name = Graphs[Base + I].Name;
      Empty.Summary.Slots.resize(Graphs[Base + I].SlotLocs.size());
      Empty.Summary.ResultFromOutside = false; // grows, like the leaks
      Solved.push_back(std::move(Empty));
    }
    // Solved by an earlier run with the same inputs: its summaries, and
    // neither its bodies nor the solver.
    GraphId Key;
    bool Keyed = Reuse && componentKey(Base, N, *Reuse, Key);
    std::vector<FunctionSummary> Summaries;
    if (Keyed && Reuse->reuse(Key, Base, N, Summaries) &&
        Summaries.size() == N) {
      for (size_t I = 0; I < N; ++I)
        Solved[Base + I].Summary = std::move(Summaries[I]);
      Hash(Base, N);
      ++ReusedCount;
      Base += N;
      continue;
    }
    ++SolvedCount;
    size_t Errors = BodyErrors.size(); // a member unreadable: not stored
    // The members' bodies, resident or read again until finish().
    std::vector<const FunctionGraph *> Body(N);
    for (size_t I = 0; I < N; ++I)
      Body[I] = body(Base + I);
    if (!Recursive) {
      if (Body[0]) {
        const FunctionGraph &G = *Body[0];
        Solved[Base] = solveHere(G);
      }
      finish(Base, N, Visit);
      Hash(Base, N);
      if (Keyed && BodyErrors.size() == Errors)
        Reuse->solved(Key, Base, N, SummariesOf(Base, N));
      Base += N;
      continue;
    }
    // A worklist over the component: a member is solved again when a
    // callee's summary grew. Summaries only grow and their lattice is
    // finite, so this ends; a generous budget guards the rest.
    std::vector<std::vector<size_t>> Callers(N);
    for (size_t I = 0; I < N; ++I)
      for (const CallSite &CS : Graphs[Base + I].Calls)
        for (int T : targets(CS))
          if (T >= static_cast<int>(Base) && T < static_cast<int>(Base + N))
            Callers[T - Base].push_back(I);
    std::vector<size_t> Work;
    std::vector<bool> Queued(N, true);
    for (size_t I = N; I-- > 0;)
      Work.push_back(I);
    size_t Budget = 64 * N + 64;
    while (!Work.empty()) {
      size_t I = Work.back();
      Work.pop_back();
      Queued[I] = false;
      if (!Body[I])
        continue; // unreadable: unknown from the start
      const FunctionGraph &G = *Body[I];
      SolvedFunction S = solveHere(G);
      bool Changed = !(S.Summary == Solved[Base + I].Summary);
      Solved[Base + I] = std::move(S);
      if (Changed)
        for (size_t C : Callers[I])
          if (!Queued[C]) {
            Queued[C] = true;
            Work.push_back(C);
          }
      if (Budget-- == 0) {
        // Give up precision, not soundness: every parameter may leak.
        for (size_t J = 0; J < N; ++J)
          for (ParamLeaks &P : Solved[Base + J].Summary.Slots)
            P.Heap.merge(0, true, "recursion too deep to summarize");
        break;
      }
    }
    finish(Base, N, Visit);
    Hash(Base, N);
    if (Keyed && BodyErrors.size() == Errors)
      Reuse->solved(Key, Base, N, SummariesOf(Base, N));
    Base += N;
  }
}

} // namespace escape
