//===- Solver.h - Go's walkAll over one escape graph -----------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SOLVE_SOLVER_H
#define CLANG_ESCAPE_SOLVE_SOLVER_H

#include "clang-escape/Graph/EscapeGraph.h"

#include <vector>

namespace escape {

/// The address of location Loc reaches Root, which outlives it.
struct EscapeFact {
  int Loc = -1;
  int Root = -1;
  bool Maybe = false;
  /// Edge indices from Loc to Root (into SolvedFunction::Edges).
  std::vector<int> Path;
  /// Another return of an address already known to escape: a finding of
  /// its own, not another -m decision.
  bool AnotherReturn = false;
};

/// Local Root keeps the address of Loc, which FunctionGraph::Frees[Free]
/// frees, and reads it after that.
struct FreedUse {
  int Loc = -1;
  int Root = -1;
  int Free = -1;
  /// The free or the holder may be about another object as well.
  bool Maybe = false;
  /// Edge indices from Loc to Root (into SolvedFunction::Edges).
  std::vector<int> Path;
};

/// What solving one function found.
struct SolvedFunction {
  /// The function's edges plus those its calls contributed.
  std::vector<Edge> Edges;
  std::vector<EscapeFact> Escapes;
  std::vector<FreedUse> FreedUses;
  /// Per location: its address reaches an outliving root (maybe or not).
  std::vector<bool> AddressEscapes;
  FunctionSummary Summary;
};

/// Solves \p G with \p Edges (G's own edges and the call edges). Pure: no
/// state outside its arguments, safe to run on many functions at once.
/// \p Explained lists the call results whose callee's summary says all
/// they hold; any other call result with nothing flowing into it holds
/// something from outside the function.
SolvedFunction solveFunction(const FunctionGraph &G, std::vector<Edge> Edges,
                             const std::vector<int> &Explained = {});

/// The global, static or thread_local a path to the heap stores into:
/// assigned in the function (a GlobalStore node), or named by a callee that
/// stores into it (its `kept in: static 'h'` note). Empty Name if none.
struct GlobalSink {
  std::string Kind = "global", Name;
  bool ByCallee = false;
  /// `static 'h'`, as a leak's sink names it for callers.
  std::string text() const { return Kind + " '" + Name + "'"; }
  /// `{static h}`, as a finding's sink names it.
  std::string sink() const { return "{" + Kind + " " + Name + "}"; }
};
GlobalSink globalSink(const FunctionGraph &G, const std::vector<Edge> &Edges,
                      const std::vector<int> &Path);

/// Renders a path step as Go's "what (why) at file:line:col".
std::string describeNote(const Note &N);

} // namespace escape

#endif
