//===- Program.h - Whole-program solving over the call graph ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_INTERPROC_PROGRAM_H
#define CLANG_ESCAPE_INTERPROC_PROGRAM_H

#include "clang-escape/Graph/EscapeGraph.h"
#include "clang-escape/Solve/Solver.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace escape {

/// The graphs of every analyzed function, linked by USR, solved bottom-up
/// over the strongly connected components of the call graph.
class Program {
public:
  /// Adds one translation unit's graphs. A function already present (an
  /// inline or template function seen in several TUs) keeps its first copy.
  void add(std::vector<FunctionGraph> Graphs);

  /// Solves every function; callees before callers, recursion to a fixpoint.
  void solve();

  const std::vector<FunctionGraph> &graphs() const { return Graphs; }
  /// Functions seen with different bodies (ODR hashes) in different units.
  const std::vector<std::string> &odrMismatches() const {
    return OdrMismatches;
  }
  /// Functions defined (not inline) in several files of the program, an
  /// ODR violation within one executable: calls reach the first definition.
  struct Collision {
    std::string Name, First, Other; ///< and the files of both definitions
  };
  const std::vector<Collision> &collisions() const { return Collisions; }
  const std::vector<SolvedFunction> &solved() const { return Solved; }
  /// Appends the solved functions of \p Other, another program of the same
  /// run, for the surfaces that draw functions: each keeps what it was
  /// solved with. Only those \p Keep accepts are taken. Returns, for each of
  /// Other's functions, its index here, or -1.
  std::vector<int>
  absorb(Program &&Other,
         const std::function<bool(const FunctionGraph &, int)> &Keep);
  /// The summary of the function with key \p Key, or null.
  const FunctionSummary *summary(const std::string &Key) const;

private:
  /// Adds to Explained the call results whose callee's summary says all
  /// they hold (see FunctionSummary::ResultFromOutside).
  std::vector<Edge> callEdges(const FunctionGraph &G,
                              std::vector<int> &Explained) const;
  std::vector<std::vector<int>> sccs() const;
  /// The graphs a call may reach: its static callee and, for a virtual
  /// call, every overrider in the program (closed world).
  std::vector<int> targets(const CallSite &C) const;
  void index();

  std::vector<FunctionGraph> Graphs;
  std::vector<SolvedFunction> Solved;
  std::map<std::string, int> ByKey;
  std::map<std::string, std::vector<int>> Overriders;
  std::vector<std::string> OdrMismatches;
  std::vector<Collision> Collisions;
};

} // namespace escape

#endif
