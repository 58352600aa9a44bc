//===- BuildBudget.cpp - The lowering's per-function budget ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The lowering recurses over the AST: an 8000-deep `?:` or a 2000-term
// string concatenation would overflow the stack, and a pathological body
// (a self-referencing reference, a generated function) could take hours.
// Each function gets a budget of steps, of graph size and of stack; a
// function past it loses its body: it is summarized as a callee without a
// body would be (every parameter may be kept) and named in a remark.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"

#include <pthread.h>

namespace escape {

uintptr_t lowestStackAddress() {
  pthread_attr_t Attr;
  if (pthread_getattr_np(pthread_self(), &Attr) != 0)
    return 0;
  void *Low = nullptr;
  size_t Size = 0;
  int RC = pthread_attr_getstack(&Attr, &Low, &Size);
  pthread_attr_destroy(&Attr);
  if (RC != 0 || !Low || Size == 0)
    return 0;
  // Room for what Clang itself recurses through below our deepest frame
  // (source ranges, constant evaluation of a subexpression).
  size_t Reserve = std::max<size_t>(Size / 4, 1 << 20);
  return Size > Reserve ? reinterpret_cast<uintptr_t>(Low) + Reserve : 0;
}

bool FunctionBuilder::overBudget() {
  if (!BudgetReason.empty())
    return true;
  if (++Steps > TU.Opts.MaxSteps)
    BudgetReason =
        "more than " + std::to_string(TU.Opts.MaxSteps) + " steps of lowering";
  else if (G.Locs.size() + G.Edges.size() > TU.Opts.MaxGraphSize)
    BudgetReason = "a graph of more than " +
                   std::to_string(TU.Opts.MaxGraphSize) + " nodes and edges";
  else if (TU.StackLimit && reinterpret_cast<uintptr_t>(
                                __builtin_frame_address(0)) < TU.StackLimit)
    BudgetReason = "expressions nested too deeply";
  return !BudgetReason.empty();
}

void FunctionBuilder::makeConservative() {
  G.Conservative = BudgetReason;
  // Keep the roots and the parameters, which build() creates first.
  size_t Keep = std::min(PrologueLocs, G.Locs.size());
  G.Locs.resize(Keep);
  llvm::erase_if(G.Edges, [&](const Edge &E) {
    return static_cast<size_t>(E.Src) >= Keep ||
           static_cast<size_t>(E.Dst) >= Keep;
  });
  G.Calls.clear();
  G.Models.clear();
  G.Local.clear();
  G.Scopes.resize(std::min<size_t>(1, G.Scopes.size()));
  for (Location &L : G.Locs)
    L.Scope = L.Scope > 0 ? 0 : L.Scope;
  Note Why{"analyzed conservatively: " + BudgetReason, "", G.Pos};
  for (int L : G.SlotLocs) {
    if (L < 0)
      continue;
    Edge E;
    E.Dst = FunctionGraph::HeapLoc;
    E.Src = L;
    E.Maybe = true;
    E.Notes.push_back(Why);
    G.Edges.push_back(std::move(E));
  }
}

} // namespace escape
