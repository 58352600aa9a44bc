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

#include <algorithm>
#include <functional>

namespace escape {

void Program::add(std::vector<FunctionGraph> Gs) {
  for (FunctionGraph &G : Gs) {
    auto [It, New] = ByKey.emplace(G.Key, static_cast<int>(Graphs.size()));
    if (!New) {
      // Prefer the copy from a file being reported on.
      FunctionGraph &Old = Graphs[It->second];
      if (!Old.MainFile && G.MainFile)
        Old = std::move(G);
      continue;
    }
    Graphs.push_back(std::move(G));
  }
}

const FunctionSummary *Program::summary(const std::string &Key) const {
  auto It = ByKey.find(Key);
  if (It == ByKey.end() || It->second >= static_cast<int>(Solved.size()))
    return nullptr;
  return &Solved[It->second].Summary;
}

std::vector<std::vector<int>> Program::sccs() const {
  // Tarjan's algorithm, iteratively: a 10,000-deep call chain must not
  // overflow the stack.
  int N = static_cast<int>(Graphs.size());
  std::vector<std::vector<int>> Succ(N);
  for (int I = 0; I < N; ++I)
    for (const CallSite &C : Graphs[I].Calls) {
      auto It = ByKey.find(C.CalleeKey);
      if (It != ByKey.end())
        Succ[I].push_back(It->second);
    }
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

std::vector<Edge> Program::callEdges(const FunctionGraph &G) const {
  std::vector<Edge> Out = G.Edges;
  for (const CallSite &C : G.Calls) {
    const FunctionSummary *S = nullptr;
    FunctionSummary Unknown;
    auto It = ByKey.find(C.CalleeKey);
    if (It != ByKey.end()) {
      if (It->second < static_cast<int>(Solved.size()))
        S = &Solved[It->second].Summary;
      else
        continue; // same component, not yet solved: optimistic start
    } else if (C.Model >= 0) {
      S = &G.Models[C.Model];
    } else {
      Unknown.Unknown = true;
      Unknown.Slots.resize(C.Args.size());
      for (ParamLeaks &P : Unknown.Slots)
        P.Heap.merge(0, true, "");
      S = &Unknown;
    }
    bool Maybe = S->Unknown || C.Virtual;
    std::string Who = S->Unknown ? "via unknown '" + C.CalleeName + "'"
                                 : "via '" + C.CalleeName + "'";
    auto Add = [&](int Dst, int Src, const Leak &L, const char *Why) {
      if (!L.present() || Src < 0 || Dst < 0)
        return;
      Edge E;
      E.Dst = Dst;
      E.Src = Src;
      E.Derefs = L.Level;
      E.Maybe = Maybe || L.Maybe;
      Note N{std::string(Why) + " " + Who, C.Spelling, C.Pos};
      E.Notes.push_back(std::move(N));
      if (!L.Via.empty())
        E.Notes.push_back(Note{"in callee", L.Via, SourcePos()});
      Out.push_back(std::move(E));
    };
    size_t NS = std::min(S->Slots.size(), C.Args.size());
    for (size_t I = 0; I < NS; ++I) {
      int A = C.Args[I];
      if (A < 0)
        continue;
      const ParamLeaks &P = S->Slots[I];
      Add(FunctionGraph::HeapLoc, A, P.Heap, "kept");
      Add(FunctionGraph::ThreadLoc, A, P.Thread, "handed to a thread");
      Add(FunctionGraph::CoroLoc, A, P.Coro, "kept in a coroutine frame");
      Add(C.Result, A, P.Result, "returned");
      for (auto &[J, L] : P.Content) {
        int Dst = J >= 0 && J < static_cast<int>(C.ArgContent.size())
                      ? C.ArgContent[J]
                      : -1;
        Add(Dst >= 0 ? Dst : FunctionGraph::HeapLoc, A, L, "stored");
      }
    }
  }
  return Out;
}

void Program::solve() {
  Solved.clear();
  Solved.reserve(Graphs.size());
  std::vector<SolvedFunction> Result(Graphs.size());
  std::vector<bool> Done(Graphs.size(), false);
  // Solved is indexed like Graphs; entries become valid as components are
  // finished. callEdges() treats indices >= Solved.size() as "not yet", so
  // solve in an order that keeps Solved a prefix: remap by component order.
  std::vector<std::vector<int>> Comps = sccs();
  std::vector<int> Order;
  for (auto &C : Comps)
    for (int V : C)
      Order.push_back(V);
  // Renumber the graphs so that components are contiguous and bottom-up.
  std::vector<FunctionGraph> Sorted;
  Sorted.reserve(Graphs.size());
  for (int V : Order)
    Sorted.push_back(std::move(Graphs[V]));
  Graphs = std::move(Sorted);
  ByKey.clear();
  for (size_t I = 0; I < Graphs.size(); ++I)
    ByKey.emplace(Graphs[I].Key, static_cast<int>(I));

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
      Solved.push_back(std::move(Empty));
    }
    for (int Iter = 0; Iter < (Recursive ? 12 : 1); ++Iter) {
      bool Changed = false;
      for (size_t I = 0; I < N; ++I) {
        const FunctionGraph &G = Graphs[Base + I];
        SolvedFunction S = solveFunction(G, callEdges(G));
        if (!(S.Summary == Solved[Base + I].Summary))
          Changed = true;
        Solved[Base + I] = std::move(S);
      }
      if (!Changed)
        break;
    }
    Base += N;
  }
  (void)Result;
  (void)Done;
}

} // namespace escape
