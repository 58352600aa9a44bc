//===- Program.h - Whole-program solving over the call graph ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_INTERPROC_PROGRAM_H
#define CLANG_ESCAPE_INTERPROC_PROGRAM_H

#include "clang-escape/Graph/EscapeGraph.h"
#include "clang-escape/Graph/GraphIO.h"
#include "clang-escape/Solve/Solver.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace escape {

/// The key Program::add() gives a function whose key a function of another
/// definition took first ('main' of another test): kept apart by its file.
inline std::string keyApart(llvm::StringRef Key, llvm::StringRef File) {
  return (Key + "#" + File).str();
}

/// The graphs of every analyzed function, linked by USR, solved bottom-up
/// over the strongly connected components of the call graph.
class Program {
public:
  /// Reads again the body of the function added with handle \p Handle.
  using BodyLoader = std::function<llvm::Expected<FunctionGraph>(int Handle)>;
  /// Sees each function once its summary is final (index in graphs(), its
  /// body, its solution), in the order of graphs().
  using SolvedVisitor = std::function<void(size_t, const FunctionGraph &,
                                           const SolvedFunction &)>;

  /// Reuses the components an earlier run solved (incremental runs): a
  /// component is keyed by its members' identities and, for each call out
  /// of it, the callee's key and summary, so that a changed callee summary
  /// re-solves its callers and nothing else does.
  class ComponentReuse {
  public:
    virtual ~ComponentReuse() = default;
    /// What member \p I (with handle \p Handle, -1 when its body is
    /// resident) is besides its callees: its graph's id, the options. Empty
    /// when it cannot be reused.
    virtual std::string identity(size_t I, const FunctionGraph &Skeleton,
                                 int Handle) = 0;
    /// The summaries of component [Base, Base + N) solved before with key
    /// \p Key (the reuser also reports it); false when there are none.
    virtual bool reuse(const GraphId &Key, size_t Base, size_t N,
                       std::vector<FunctionSummary> &Summaries) = 0;
    /// Component [Base, Base + N) solved anew, after the visitor saw it.
    virtual void solved(const GraphId &Key, size_t Base, size_t N,
                        const std::vector<FunctionSummary> &Summaries) = 0;
  };

  /// Summary-bounded linking: a graph added with a handle keeps only what
  /// the link needs (its key, its calls' callees, its slots; a skeleton in
  /// graphs()); its body is read again through \p Load while its component
  /// is solved, and dropped with its solution after the visitor of solve()
  /// saw it, so that only summaries outlive their component.
  void setBodyLoader(BodyLoader Load) { Loader = std::move(Load); }

  /// Adds one translation unit's graphs. A function already present (an
  /// inline or template function seen in several TUs) keeps its first copy.
  /// \p Handles, when given, names each graph for the body loader.
  void add(std::vector<FunctionGraph> Graphs, std::vector<int> Handles = {});

  /// Solves every function; callees before callers, recursion to a fixpoint.
  /// \p Visit sees each function when its component is done.
  /// \p Reuse, when given, takes finished components from an earlier run.
  void solve(const SolvedVisitor &Visit = nullptr,
             ComponentReuse *Reuse = nullptr);

  /// Components the last solve() solved, and those it reused.
  unsigned solvedComponents() const { return SolvedCount; }
  unsigned reusedComponents() const { return ReusedCount; }

  /// Functions whose body could not be read again: solved as unknown (every
  /// parameter may leak), nothing of them reported.
  const std::vector<std::string> &bodyErrors() const { return BodyErrors; }

  /// Every function; one added with a handle (see setBodyLoader) is a
  /// skeleton here.
  const std::vector<FunctionGraph> &graphs() const { return Graphs; }
  /// Functions seen with different bodies (ODR hashes) in different units,
  /// each as "name\tfile\tline" of where it is defined.
  const std::vector<std::string> &odrMismatches() const {
    return OdrMismatches;
  }
  /// Functions defined (not inline) in several files of the program, an
  /// ODR violation within one executable: calls reach the first definition.
  struct Collision {
    std::string Name, First, Other; ///< and the files of both definitions
  };
  const std::vector<Collision> &collisions() const { return Collisions; }
  /// Per graph, its solution; of one added with a handle, its summary only.
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
  /// The graphs a call may reach: its static callee and, for a virtual
  /// call, every overrider in the program (closed world). Valid after
  /// solve(), in the order of graphs().
  std::vector<int> targets(const CallSite &C) const;
  /// The handle graph \p I was added with (see add()), or -1.
  int handle(size_t I) const { return I < Handles.size() ? Handles[I] : -1; }

  /// For call \p Call of a function: false when nothing in the program is
  /// its target (a library model, or unknown); else the summaries of its
  /// targets solved so far, in the order of targets(), in \p Out.
  using TargetSummaries = llvm::function_ref<bool(
      size_t Call, std::vector<const FunctionSummary *> &Out)>;
  /// What solve() does for a function outside a recursive component, with
  /// its calls' targets given by \p Targets: so that a function can be
  /// solved again without linking the whole program (LinkState).
  static SolvedFunction solveAlone(const FunctionGraph &G,
                                   TargetSummaries Targets);

private:
  /// solveAlone() with the summaries solved so far.
  SolvedFunction solveHere(const FunctionGraph &G) const;
  std::vector<std::vector<int>> sccs() const;
  void index();
  /// Graph I with its body: resident, or read again through the loader (null
  /// when that failed).
  const FunctionGraph *body(size_t I);
  /// Done with component [Base, Base + N): visited, and the bodies and
  /// solutions of those with a handle dropped.
  void finish(size_t Base, size_t N, const SolvedVisitor &Visit);
  /// The reuse key of component [Base, Base + N), whose callees outside it
  /// are solved; false when a member cannot be reused.
  bool componentKey(size_t Base, size_t N, ComponentReuse &Reuse, GraphId &Key);

  std::vector<FunctionGraph> Graphs;
  /// Per graph: its handle for the loader, or -1 when its body is resident.
  std::vector<int> Handles;
  /// Bodies read again for the component being solved.
  std::map<size_t, FunctionGraph> Bodies;
  BodyLoader Loader;
  std::vector<std::string> BodyErrors;
  /// Per solved graph, a hash of its summary's encoding (with a reuser).
  std::vector<uint64_t> SummaryHash;
  unsigned SolvedCount = 0, ReusedCount = 0;
  std::vector<SolvedFunction> Solved;
  std::map<std::string, int> ByKey;
  std::map<std::string, std::vector<int>> Overriders;
  std::vector<std::string> OdrMismatches;
  std::vector<Collision> Collisions;
};

} // namespace escape

#endif
