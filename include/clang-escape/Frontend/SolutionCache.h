//===- SolutionCache.h - Components solved by the previous run -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Incremental runs at scale: after one file is edited, only it is parsed
// again (the per-file cache), and only the components of the call graph
// whose inputs changed are solved again. The others take their summaries
// and their part of the report from what the previous run stored.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_SOLUTIONCACHE_H
#define CLANG_ESCAPE_FRONTEND_SOLUTIONCACHE_H

#include "clang-escape/Graph/GraphIO.h"
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Report/Finding.h"

#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace escape {

/// The solved components of a run, in one file of the cache
/// (solutions.sol), read by the next run and replaced by what it solved.
class SolutionCache : public Program::ComponentReuse {
public:
  /// \p Ids names the graphs by the handles the program was given;
  /// \p Salt is what else the solutions depend on (the tool's build, the
  /// report's options).
  SolutionCache(std::string Dir, std::string Salt,
                const std::vector<GraphId> &Ids, ReportBuilder &Builder);

  /// Reads the previous run's solutions; an unreadable file is an error
  /// and no solution (every component is solved).
  llvm::Error load();
  /// Writes this run's solutions (atomically).
  llvm::Error store() const;

  /// The visitor of Program::solve(): reports the function and notes which
  /// part of the report is its.
  void visit(size_t I, const FunctionGraph &G, const SolvedFunction &S);

  std::string identity(size_t I, const FunctionGraph &Skeleton,
                       int Handle) override;
  bool reuse(const GraphId &Key, size_t Base, size_t N,
             std::vector<FunctionSummary> &Summaries) override;
  void solved(const GraphId &Key, size_t Base, size_t N,
              const std::vector<FunctionSummary> &Summaries) override;

  /// This run's components, reused or solved, in the order they were done.
  const std::vector<SolvedComponent> &components() const { return Current; }

private:
  struct Sizes {
    size_t Findings = 0, Remarks = 0, FixIts = 0;
  };
  Sizes sizes() const;

  std::string Path;
  std::string Salt;
  const std::vector<GraphId> &Ids;
  ReportBuilder &Builder;
  /// The previous run's components by key.
  std::map<GraphId, SolvedComponent> Previous;
  /// This run's, reused or solved.
  std::vector<SolvedComponent> Current;
  /// The report's size before each function visited since the last
  /// component was done.
  std::map<size_t, Sizes> Before;
};

} // namespace escape

#endif
