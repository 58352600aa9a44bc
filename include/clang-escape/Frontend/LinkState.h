//===- LinkState.h - The previous run's link, kept in the cache -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Incremental runs in time proportional to the edit: a one-program link
// leaves its outcome in the cache (link.state: the program's functions in
// the order they were solved, its call graph, summaries and the report of
// each component). The next run over the same units, in which some units'
// functions changed only in their bodies and positions, solves those
// functions again and the callers of a summary that changed, reading just
// their graphs, and takes everything else from the state: no skeleton of an
// unchanged unit is read, nothing is linked again.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_LINKSTATE_H
#define CLANG_ESCAPE_FRONTEND_LINKSTATE_H

#include "clang-escape/Graph/GraphCache.h"
#include "clang-escape/Graph/GraphIO.h"
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Report/Finding.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace escape {

/// One unit of a one-program link, in the order of the link.
struct LinkInput {
  std::string File;
  bool Reported = false;
  const CacheEntry *Entry = nullptr;
};

/// What relink() made of the previous run's state.
struct Relinked {
  Report Rep;
  unsigned Solved = 0, Reused = 0;
  std::vector<LinkRecord::Conservative> Conservatives;
  std::vector<std::string> OdrMismatches;
  std::vector<std::string> Warnings;
};

/// The report of \p Units linked as one program, from the state the
/// previous run left in the cache \p Dir, when it applies: the same units in
/// the same order, the same \p Salt, and each unit whose entry changed has
/// the same functions, calling the same callees, each of its changed graphs
/// found nowhere else. Only the changed functions and the callers of a
/// summary that changed are solved again (their graphs read from the cache);
/// a recursive component among them does not apply. Without \p Remarks,
/// the report leaves out the -m remarks (the state keeps them). With
/// \p Write, the state is updated. std::nullopt, with the reason in \p Why,
/// when the state does not apply (\p Damaged: it could not be read).
std::optional<Relinked> relink(llvm::StringRef Dir, llvm::StringRef Salt,
                               llvm::ArrayRef<LinkInput> Units,
                               const ReportOptions &Opts, bool Remarks,
                               bool Write, std::string &Why, bool &Damaged);

/// Records a full link for the next run's relink(): the units in the order
/// they were linked, then the solved program.
class LinkRecorder {
public:
  /// Unit \p File, whose entry names \p Graphs, linked: the skeletons it
  /// gave Program::add(), \p Skeletons, got the handles [From, Ids.size()).
  void unit(const std::string &File, bool Reported,
            const std::vector<GraphId> &Graphs, size_t From,
            const std::vector<FunctionGraph> &Skeletons,
            llvm::ArrayRef<GraphId> Ids);
  /// A unit not taken from the cache: nothing can be recorded.
  void fail() { Failed = true; }
  /// The state of program \p P solved with \p Components (each reused or
  /// solved: SolutionCache::components()), \p Builder its report's, with
  /// the link's \p Warnings; std::nullopt when a function's body was not
  /// from the cache or could not be read.
  std::optional<LinkRecord>
  finish(std::string Salt, const Program &P,
         const std::vector<SolvedComponent> &Components,
         const ReportBuilder &Builder, std::vector<std::string> Warnings,
         llvm::ArrayRef<GraphId> Ids);

private:
  bool Failed = false;
  std::vector<LinkRecord::Unit> Units;
  /// Per unit, the handle of each of its entry's graphs, or -1.
  std::vector<std::vector<int>> Handles;
  /// The file names of the functions given to Program::add() with each key;
  /// how often each graph was named.
  llvm::StringMap<std::vector<std::string>> Files;
  std::map<GraphId, unsigned> Named;
};

/// Writes \p R as the link state of the cache \p Dir, atomically (its
/// functions in chunks, LinkState.cpp; \p R is left as it was).
llvm::Error storeLinkState(llvm::StringRef Dir, LinkRecord &R);

} // namespace escape

#endif
