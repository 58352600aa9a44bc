//===- GraphIO.h - Escape graphs to and from the cache -------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A translation unit's graphs are the unit of caching and of cross-TU
// linking: extraction depends only on the TU and its flags, so its output is
// stored and reused until an input changes.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GRAPH_GRAPHIO_H
#define CLANG_ESCAPE_GRAPH_GRAPHIO_H

#include "clang-escape/Graph/EscapeGraph.h"
#include "clang-escape/Report/Finding.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace escape {

/// A file a translation unit read, with the hash of its content.
struct Dependency {
  std::string Path;
  uint64_t Hash = 0;
};

/// What extracting one translation unit produced.
struct ExtractedTU {
  std::string File;
  std::vector<Dependency> Deps;
  std::vector<FunctionGraph> Graphs;
  bool HadErrors = false;
  /// Of the file's compile commands, those tried before the one kept
  /// because they did not compile (the first clean one is kept).
  unsigned FailedCommands = 0;
  unsigned Commands = 1;
};

/// A function graph in the cache: a hash of its encoding, so that a graph
/// many units lower identically (an inline function, a template
/// instantiation) is stored once and named the same on every machine.
struct GraphId {
  uint64_t High = 0, Low = 0;
  /// 32 hexadecimal digits.
  std::string str() const;
  bool operator==(const GraphId &O) const {
    return High == O.High && Low == O.Low;
  }
  bool operator<(const GraphId &O) const {
    return High != O.High ? High < O.High : Low < O.Low;
  }
};

/// A translation unit in the cache: what it read, and its graphs by id, in
/// the order it lowered them.
struct CacheEntry {
  std::string File;
  std::vector<Dependency> Deps;
  std::vector<GraphId> Graphs;
  bool HadErrors = false;
};

/// A strongly connected component of the call graph as a run solved it: its
/// members' summaries and what the report said of them, so that a later run
/// whose inputs to it are the same (its members' graphs, their callees'
/// summaries, the options) reuses it instead of solving it again.
struct SolvedComponent {
  /// A hash of those inputs (Program::ComponentReuse).
  GraphId Key;
  /// In the order of the component's members.
  std::vector<FunctionSummary> Summaries;
  /// Finding::Graph is the member's position in the component.
  std::vector<Finding> Findings;
  std::vector<Remark> Remarks;
  std::vector<FixIt> FixIts;
};

/// What a one-program link left for the next run (Frontend/LinkState.h):
/// the program's units, its functions in the order they were solved, with
/// their call graph, summaries and the report of each component, so that a
/// run in which a few units changed solves again what depends on them and
/// takes the rest from here without linking the whole program again.
struct LinkRecord {
  /// The tool's build and the report's options.
  std::string Salt;
  struct Unit {
    std::string File;
    bool Reported = false;
    /// The graphs its cache entry names, and for each the function of the
    /// program it became, or -1 (a copy another unit gave).
    std::vector<GraphId> Graphs;
    std::vector<int> Functions;
  };
  std::vector<Unit> Units;
  struct Function {
    GraphId Id;
    /// Its key as the link made it (unique per program).
    std::string Key;
    bool MainFile = false;
    bool Called = false;
    /// Its graph occurs once among all units, and each other function given
    /// its key ('main' of another test) is in a file of another name: another
    /// graph in its place with the same shape links the same way.
    bool Solo = false;
    /// A hash of its key, its file, its calls' callees and its overrides.
    uint64_t Shape = 0;
    /// encodeSummary() of its final summary.
    std::string Summary;
    /// Per call: the number of its targets, then their indices.
    std::vector<int> Calls;
  };
  std::vector<Function> Functions;
  /// Where each component starts in Functions, and where the last ends.
  std::vector<int> Starts;
  /// The components that are recursive (solved to a fixpoint).
  std::vector<int> Recursive;
  /// The report of each component that reported something (Finding::Graph
  /// counted from its start), by component.
  std::vector<int> PartOf;
  std::vector<Report> Parts;
  /// Functions of the files reported on analyzed conservatively.
  struct Conservative {
    int Function = -1;
    std::string Name;
    SourcePos Pos;
    std::string Why;
  };
  std::vector<Conservative> Conservatives;
  std::vector<std::string> OdrMismatches;
  /// The link's warnings (functions defined in several files).
  std::vector<std::string> Warnings;
};

/// Version of the cache format; a different version is a cache miss.
/// 14: graphs stored once each, per-file entries name them. 15: result
/// provenance in summaries, return slots, later calls. 17: bool parameters
/// passed on to a call.
constexpr int GraphFormatVersion = 38;

/// A whole unit in one buffer (a --timeout child's answer).
std::string writeExtractedTU(const ExtractedTU &TU);

/// Parses what writeExtractedTU wrote. \p Name names the source in errors.
llvm::Expected<ExtractedTU> readExtractedTU(llvm::StringRef Text,
                                            llvm::StringRef Name);

/// A per-file cache entry, and back.
std::string writeCacheEntry(const CacheEntry &E);
llvm::Expected<CacheEntry> readCacheEntry(llvm::StringRef Text,
                                          llvm::StringRef Name);
/// A per-file cache entry when \p Usable accepts it (given its file, its
/// errors and how many dependencies it has) and \p Current each of its
/// dependencies (a path and its hash), checked as they are read: its Deps
/// are left empty (every run checks every unit's entry: no string is made
/// per header). std::nullopt at the first refused.
llvm::Expected<std::optional<CacheEntry>>
readCacheEntryIf(llvm::StringRef Text, llvm::StringRef Name,
                 llvm::function_ref<bool(const CacheEntry &, size_t)> Usable,
                 llvm::function_ref<bool(llvm::StringRef, uint64_t)> Current);

/// One function graph, and back.
std::string writeFunctionGraph(const FunctionGraph &G);
llvm::Expected<FunctionGraph> readFunctionGraph(llvm::StringRef Text,
                                                llvm::StringRef Name);

/// The skeletons of one unit's graphs (keepSkeleton), and back.
std::string writeSkeletons(const std::vector<FunctionGraph> &Skeletons);
llvm::Expected<std::vector<FunctionGraph>> readSkeletons(llvm::StringRef Text,
                                                         llvm::StringRef Name);

/// The components a run solved, and back (the cache's solutions file).
std::string writeSolvedComponents(const std::vector<SolvedComponent> &Cs);
llvm::Expected<std::vector<SolvedComponent>>
readSolvedComponents(llvm::StringRef Text, llvm::StringRef Name);
/// A summary's encoding, unframed: equal summaries encode the same (a key
/// of the components that call it).
std::string encodeSummary(const FunctionSummary &S);
llvm::Expected<FunctionSummary> decodeSummary(llvm::StringRef Encoded);

/// The link state of a run (the cache's link.state), and back.
std::string writeLinkRecord(const LinkRecord &R);
llvm::Expected<LinkRecord> readLinkRecord(llvm::StringRef Text,
                                          llvm::StringRef Name);

/// The id of the graph whose writeFunctionGraph() encoding is \p Encoded
/// (the format version is part of it).
GraphId graphIdOf(llvm::StringRef Encoded);

} // namespace escape

#endif
