//===- GraphCache.h - The deduplicated cache of extracted units -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A cache directory holds one entry per translation unit (<key>.esc: the
// files it read and the ids of its graphs) and each function graph once
// (graphs/<2 digits>/<id>.fg, named by a hash of its encoding). An inline
// function or a template instantiation that many units lower identically is
// therefore stored once. Each entry's skeletons (what the link keeps of its
// graphs) are stored together (skeletons/<2 digits>/<name>.sk), so that a
// warm link reads them instead of the graphs. Every file is written atomically
// and named by its content or its key, so caches filled on different machines
// merge by copying their files, and concurrent runs share one directory.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GRAPH_GRAPHCACHE_H
#define CLANG_ESCAPE_GRAPH_GRAPHCACHE_H

#include "clang-escape/Graph/GraphIO.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <set>
#include <string>

namespace escape {

/// The entry at \p EntryPath when it exists and \p Current accepts it (its
/// dependencies, say); std::nullopt when not; an error when it is damaged.
/// An entry read is marked as used now (for pruneCache).
llvm::Expected<std::optional<CacheEntry>>
readCurrentEntry(llvm::StringRef EntryPath,
                 llvm::function_ref<bool(const CacheEntry &)> Current);

/// The same, the entry's dependencies checked one by one as it is read
/// (readCacheEntryIf): its Deps are left empty.
llvm::Expected<std::optional<CacheEntry>>
readCurrentEntry(llvm::StringRef EntryPath,
                 llvm::function_ref<bool(const CacheEntry &, size_t)> Usable,
                 llvm::function_ref<bool(llvm::StringRef, uint64_t)> Current);

/// Appends to \p Out the graphs of the cache \p Dir named by \p Ids, in
/// their order, except those already in \p Loaded (a graph is its content:
/// one loaded for another unit is that unit's too), and adds them to
/// \p Loaded. False, with nothing added, when a graph is gone (pruned);
/// an error when one is damaged (and the damaged file is removed). With
/// \p OutIds, the id of each graph appended, in the same order.
llvm::Expected<bool> loadGraphs(llvm::StringRef Dir,
                                llvm::ArrayRef<GraphId> Ids,
                                std::set<GraphId> &Loaded,
                                std::vector<FunctionGraph> &Out,
                                std::vector<GraphId> *OutIds = nullptr);

/// The graph \p Id of the cache \p Dir, read again (a body the link
/// dropped); an error when it is gone or damaged (a damaged one is removed).
llvm::Expected<FunctionGraph> loadGraph(llvm::StringRef Dir, const GraphId &Id);

/// Appends to \p Out the skeletons (keepSkeleton) of the graphs \p Ids of
/// one entry of the cache \p Dir, and their ids to \p OutIds, except those
/// in \p Loaded, as loadGraphs() does with the graphs: from the entry's
/// skeleton file (skeletons/*/<name>.sk, one per list of graphs), without
/// reading the graphs. Where that file is missing (a cache written before
/// skeletons were stored) or damaged, it is made from the graphs, and
/// stored when \p StoreMissing. False when a graph is gone.
llvm::Expected<bool>
loadSkeletons(llvm::StringRef Dir, llvm::ArrayRef<GraphId> Ids,
              std::set<GraphId> &Loaded, std::vector<FunctionGraph> &Out,
              std::vector<GraphId> &OutIds, bool StoreMissing);

/// The unit stored in the entry at \p EntryPath of the cache \p Dir, with
/// all its graphs: readCurrentEntry() and loadGraphs().
llvm::Expected<std::optional<ExtractedTU>>
loadCacheEntry(llvm::StringRef Dir, llvm::StringRef EntryPath,
               llvm::function_ref<bool(const CacheEntry &)> Current);

/// Stores \p TU in the entry at \p EntryPath of the cache \p Dir: first the
/// graphs the cache does not hold yet and their skeletons, then the entry
/// naming them, which is also returned in \p Stored.
llvm::Error storeCacheEntry(llvm::StringRef Dir, const ExtractedTU &TU,
                            llvm::StringRef EntryPath,
                            CacheEntry *Stored = nullptr);

/// The file a run records the hashes of the files it read in (file.hashes,
/// Frontend/Driver.cpp); counted in the cache's size.
std::string fileHashesPath(llvm::StringRef Dir);

/// The link state of the cache \p Dir (Frontend/LinkState.h).
std::string linkStatePath(llvm::StringRef Dir);

/// What a cache directory holds.
struct CacheUsage {
  uint64_t Bytes = 0;
  unsigned Entries = 0;
  unsigned Graphs = 0;
  unsigned Skeletons = 0; ///< files, one per list of graphs
};

/// Removes least recently used entries of the cache \p Dir until it holds
/// at most \p MaxBytes (everything counted, the solutions and the link state
/// of the last run too), and the graphs and skeletons no remaining entry names.
/// Graphs written or used since \p Since (by this run or a concurrent one) are
/// kept, so that an entry being written is never left without them.
llvm::Expected<CacheUsage> pruneCache(llvm::StringRef Dir, uint64_t MaxBytes,
                                      llvm::sys::TimePoint<> Since);

/// What the cache \p Dir holds.
CacheUsage cacheUsage(llvm::StringRef Dir);

} // namespace escape

#endif
