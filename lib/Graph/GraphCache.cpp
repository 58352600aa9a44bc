//===- GraphCache.cpp - The deduplicated cache of extracted units ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/GraphCache.h"
#include "clang-escape/Graph/Skeleton.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <map>

namespace escape {

namespace {

namespace fs = llvm::sys::fs;

constexpr llvm::StringLiteral GraphsDir = "graphs";
constexpr llvm::StringLiteral SkeletonsDir = "skeletons";
constexpr llvm::StringLiteral SolutionsFile = "solutions.sol";
constexpr llvm::StringLiteral LinkStateFile = "link.state";
constexpr llvm::StringLiteral FileHashesFile = "file.hashes";
constexpr llvm::StringLiteral LinkChunksDir = "link";

/// <Dir>/<Sub>/<2 digits>/<name><Ext>.
std::string spreadPath(llvm::StringRef Dir, llvm::StringRef Sub,
                       const std::string &Name, llvm::StringRef Ext) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Sub, Name.substr(0, 2), Name + Ext.str());
  return std::string(P);
}

std::string graphPath(llvm::StringRef Dir, const GraphId &Id) {
  return spreadPath(Dir, GraphsDir, Id.str(), ".fg");
}

/// The name of the skeletons of the graphs \p Ids: a hash of the ids (each
/// a hash of its graph's content) and of what a skeleton keeps.
std::string skeletonName(llvm::ArrayRef<GraphId> Ids) {
  std::string In = "skeletons " + std::to_string(SkeletonVersion);
  for (const GraphId &Id : Ids) {
    In.append(reinterpret_cast<const char *>(&Id.High), sizeof Id.High);
    In.append(reinterpret_cast<const char *>(&Id.Low), sizeof Id.Low);
  }
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(llvm::arrayRefFromStringRef(In));
  return GraphId{H.high64, H.low64}.str();
}

std::string skeletonPath(llvm::StringRef Dir, llvm::ArrayRef<GraphId> Ids) {
  return spreadPath(Dir, SkeletonsDir, skeletonName(Ids), ".sk");
}

/// Marks the existing file \p Path as used now; false when there is none.
/// Opened for reading: opening for writing would create a missing one.
bool touch(llvm::StringRef Path) {
  int FD;
  if (fs::openFileForRead(Path, FD))
    return false;
  (void)fs::setLastAccessAndModificationTime(FD,
                                             std::chrono::system_clock::now());
  (void)llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  return true;
}

/// Writes \p Text at \p Path, named by its content: one that exists is
/// only marked as used, so that a concurrent pruneCache keeps it.
llvm::Error storeNamed(const std::string &Path, llvm::StringRef Text) {
  if (touch(Path))
    return llvm::Error::success();
  if (std::error_code EC =
          fs::create_directories(llvm::sys::path::parent_path(Path)))
    return llvm::createStringError(EC, "cannot create '%s': %s", Path.c_str(),
                                   EC.message().c_str());
  return writeFileAtomically(Path, Text);
}

struct CacheFile {
  std::string Path;
  uint64_t Size = 0;
  llvm::sys::TimePoint<> Used;
};

/// What a cache directory holds: its entries (<key>.esc), graphs
/// (graphs/*/<id>.fg) and skeletons (skeletons/*/<name>.sk) by name, and
/// the solutions and the link state of the last run.
struct CacheFiles {
  std::vector<CacheFile> Entries;
  llvm::StringMap<CacheFile> Graphs, Skeletons;
  uint64_t SolutionBytes = 0;

  uint64_t bytes() const {
    uint64_t Total = SolutionBytes;
    for (const CacheFile &F : Entries)
      Total += F.Size;
    for (const auto &G : Graphs)
      Total += G.second.Size;
    for (const auto &S : Skeletons)
      Total += S.second.Size;
    return Total;
  }
};

bool statFile(const std::string &Path, CacheFile &F) {
  fs::file_status S;
  if (fs::status(Path, S) || !fs::is_regular_file(S))
    return false;
  F.Path = Path;
  F.Size = S.getSize();
  F.Used = S.getLastModificationTime();
  return true;
}

/// The files with extension \p Ext under <Dir>/<Sub>, by stem.
void listSpread(llvm::StringRef Dir, llvm::StringRef Sub, llvm::StringRef Ext,
                llvm::StringMap<CacheFile> &Out) {
  std::error_code EC;
  llvm::SmallString<256> Root(Dir);
  llvm::sys::path::append(Root, Sub);
  for (fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
       It.increment(EC)) {
    CacheFile F;
    if (llvm::sys::path::extension(It->path()) == Ext &&
        statFile(It->path(), F))
      Out[llvm::sys::path::stem(It->path())] = std::move(F);
  }
}

CacheFiles listCache(llvm::StringRef Dir) {
  CacheFiles C;
  std::error_code EC;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    CacheFile F;
    if (llvm::sys::path::extension(It->path()) == ".esc" &&
        statFile(It->path(), F))
      C.Entries.push_back(std::move(F));
  }
  listSpread(Dir, GraphsDir, ".fg", C.Graphs);
  listSpread(Dir, SkeletonsDir, ".sk", C.Skeletons);
  for (llvm::StringRef Last : {SolutionsFile, LinkStateFile, FileHashesFile}) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Last);
    CacheFile F;
    if (statFile(std::string(P), F))
      C.SolutionBytes += F.Size;
  }
  // The link state's chunks (Frontend/LinkState.cpp).
  llvm::StringMap<CacheFile> Chunks;
  listSpread(Dir, LinkChunksDir, ".lr", Chunks);
  for (const auto &Chunk : Chunks)
    C.SolutionBytes += Chunk.second.Size;
  return C;
}

} // namespace

llvm::Expected<std::optional<CacheEntry>>
readCurrentEntry(llvm::StringRef EntryPath,
                 llvm::function_ref<bool(const CacheEntry &)> Current) {
  auto Buf = llvm::MemoryBuffer::getFile(EntryPath);
  if (!Buf)
    return std::nullopt;
  auto Entry = readCacheEntry((*Buf)->getBuffer(), EntryPath);
  if (!Entry)
    return Entry.takeError();
  if (!Current(*Entry))
    return std::nullopt;
  touch(EntryPath);
  return std::move(*Entry);
}

llvm::Expected<std::optional<CacheEntry>>
readCurrentEntry(llvm::StringRef EntryPath,
                 llvm::function_ref<bool(const CacheEntry &, size_t)> Usable,
                 llvm::function_ref<bool(llvm::StringRef, uint64_t)> Current) {
  auto Buf = llvm::MemoryBuffer::getFile(EntryPath, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  auto Entry =
      readCacheEntryIf((*Buf)->getBuffer(), EntryPath, Usable, Current);
  if (!Entry || !*Entry)
    return Entry;
  touch(EntryPath);
  return Entry;
}

llvm::Expected<bool> loadGraphs(llvm::StringRef Dir,
                                llvm::ArrayRef<GraphId> Ids,
                                std::set<GraphId> &Loaded,
                                std::vector<FunctionGraph> &Out,
                                std::vector<GraphId> *OutIds) {
  std::set<GraphId> New;
  std::vector<FunctionGraph> Graphs;
  std::vector<GraphId> GraphIds;
  bool Gone = false;
  llvm::Error Damaged = llvm::Error::success();
  for (const GraphId &Id : Ids) {
    if (Loaded.count(Id) || !New.insert(Id).second)
      continue;
    std::string Path = graphPath(Dir, Id);
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    // Pruned since the entry was written: a miss, not damage.
    if (!Buf) {
      Gone = true;
      continue;
    }
    auto G = readFunctionGraph((*Buf)->getBuffer(), Path);
    if (!G) {
      // Removed, so that the unit extracted again stores it anew (a graph
      // that exists is not rewritten); the unit's other graphs are still
      // checked, for the same reason.
      (void)fs::remove(Path);
      if (Damaged)
        llvm::consumeError(G.takeError());
      else
        Damaged = G.takeError();
      continue;
    }
    if (!Gone && !Damaged) {
      Graphs.push_back(std::move(*G));
      GraphIds.push_back(Id);
    }
  }
  if (Damaged)
    return std::move(Damaged);
  if (Gone)
    return false;
  Loaded.insert(New.begin(), New.end());
  Out.insert(Out.end(), std::make_move_iterator(Graphs.begin()),
             std::make_move_iterator(Graphs.end()));
  if (OutIds)
    OutIds->insert(OutIds->end(), GraphIds.begin(), GraphIds.end());
  return true;
}

llvm::Expected<FunctionGraph> loadGraph(llvm::StringRef Dir,
                                        const GraphId &Id) {
  std::string Path = graphPath(Dir, Id);
  auto Buf = readWholeFile(Path);
  if (!Buf)
    return Buf.takeError();
  auto G = readFunctionGraph((*Buf)->getBuffer(), Path);
  // Damaged: removed, so that the next run misses the entries that name it
  // and extracts their units again (the link reads skeletons, not graphs).
  if (!G)
    (void)fs::remove(Path);
  return G;
}

llvm::Expected<bool>
loadSkeletons(llvm::StringRef Dir, llvm::ArrayRef<GraphId> Ids,
              std::set<GraphId> &Loaded, std::vector<FunctionGraph> &Out,
              std::vector<GraphId> &OutIds, bool StoreMissing) {
  std::string Path = skeletonPath(Dir, Ids);
  std::vector<FunctionGraph> All;
  bool Have = false;
  if (auto Buf = llvm::MemoryBuffer::getFile(Path)) {
    auto Read = readSkeletons((*Buf)->getBuffer(), Path);
    if (Read && Read->size() == Ids.size()) {
      All = std::move(*Read);
      Have = true;
    } else {
      // Damaged: made again from the graphs.
      if (!Read)
        llvm::consumeError(Read.takeError());
      (void)fs::remove(Path);
    }
  }
  if (Have) {
    // A graph pruned since (by a concurrent run): a miss, as loadGraphs.
    for (const GraphId &Id : Ids)
      if (!Loaded.count(Id) && !fs::exists(graphPath(Dir, Id)))
        return false;
  } else {
    // Written by a build before skeletons were stored, or damaged: from the
    // graphs, once.
    std::set<GraphId> Own;
    std::vector<FunctionGraph> Graphs;
    std::vector<GraphId> GraphIds;
    auto Done = loadGraphs(Dir, Ids, Own, Graphs, &GraphIds);
    if (!Done)
      return Done.takeError();
    if (!*Done)
      return false;
    std::map<GraphId, size_t> At;
    for (size_t I = 0; I < GraphIds.size(); ++I)
      At.emplace(GraphIds[I], I);
    for (const GraphId &Id : Ids) {
      All.push_back(Graphs[At[Id]]);
      keepSkeleton(All.back());
    }
    if (StoreMissing)
      if (llvm::Error E = storeNamed(Path, writeSkeletons(All)))
        return std::move(E);
  }
  std::set<GraphId> New;
  for (size_t I = 0; I < Ids.size(); ++I) {
    if (Loaded.count(Ids[I]) || !New.insert(Ids[I]).second)
      continue;
    Out.push_back(std::move(All[I]));
    OutIds.push_back(Ids[I]);
  }
  Loaded.insert(New.begin(), New.end());
  return true;
}

llvm::Expected<std::optional<ExtractedTU>>
loadCacheEntry(llvm::StringRef Dir, llvm::StringRef EntryPath,
               llvm::function_ref<bool(const CacheEntry &)> Current) {
  auto Entry = readCurrentEntry(EntryPath, Current);
  if (!Entry)
    return Entry.takeError();
  if (!*Entry)
    return std::nullopt;
  ExtractedTU TU;
  std::set<GraphId> Loaded;
  auto Done = loadGraphs(Dir, (*Entry)->Graphs, Loaded, TU.Graphs);
  if (!Done)
    return Done.takeError();
  if (!*Done)
    return std::nullopt;
  TU.File = std::move((*Entry)->File);
  TU.Deps = std::move((*Entry)->Deps);
  TU.HadErrors = (*Entry)->HadErrors;
  return std::move(TU);
}

llvm::Error storeCacheEntry(llvm::StringRef Dir, const ExtractedTU &TU,
                            llvm::StringRef EntryPath, CacheEntry *Stored) {
  CacheEntry Entry;
  Entry.File = TU.File;
  Entry.Deps = TU.Deps;
  Entry.HadErrors = TU.HadErrors;
  Entry.Graphs.reserve(TU.Graphs.size());
  std::vector<FunctionGraph> Skeletons;
  for (const FunctionGraph &G : TU.Graphs) {
    std::string Encoded = writeFunctionGraph(G);
    GraphId Id = graphIdOf(Encoded);
    Entry.Graphs.push_back(Id);
    // Named by its content: one that exists is this graph.
    if (llvm::Error E = storeNamed(graphPath(Dir, Id), Encoded))
      return E;
    Skeletons.push_back(skeletonOf(G));
  }
  // What a warm link reads of the unit instead of its graphs.
  if (llvm::Error E = storeNamed(skeletonPath(Dir, Entry.Graphs),
                                 writeSkeletons(Skeletons)))
    return E;
  if (llvm::Error E = writeFileAtomically(EntryPath, writeCacheEntry(Entry)))
    return E;
  if (Stored)
    *Stored = std::move(Entry);
  return llvm::Error::success();
}

llvm::Expected<CacheUsage> pruneCache(llvm::StringRef Dir, uint64_t MaxBytes,
                                      llvm::sys::TimePoint<> Since) {
  CacheFiles C = listCache(Dir);
  std::vector<CacheFile> &Entries = C.Entries;
  uint64_t Total = C.bytes();
  // How many entries name each graph and each skeleton file; an unreadable
  // entry (an older format, damage) names none and goes first.
  llvm::StringMap<unsigned> Refs, SkeletonRefs;
  std::vector<std::vector<std::string>> Named(Entries.size());
  std::vector<std::string> SkeletonOf(Entries.size());
  for (size_t I = 0; I < Entries.size(); ++I) {
    auto Buf = llvm::MemoryBuffer::getFile(Entries[I].Path);
    auto Entry = Buf ? readCacheEntry((*Buf)->getBuffer(), Entries[I].Path)
                     : llvm::Expected<CacheEntry>(
                           llvm::errorCodeToError(Buf.getError()));
    if (!Entry) {
      llvm::consumeError(Entry.takeError());
      Entries[I].Used = llvm::sys::TimePoint<>();
      continue;
    }
    for (const GraphId &Id : Entry->Graphs) {
      Named[I].push_back(Id.str());
      ++Refs[Named[I].back()];
    }
    SkeletonOf[I] = skeletonName(Entry->Graphs);
    ++SkeletonRefs[SkeletonOf[I]];
  }
  // Files written or used since the run started (by it or a concurrent run)
  // are kept: an entry being written may name them.
  auto Remove = [&](llvm::StringMap<CacheFile> &Files, llvm::StringRef Name) {
    auto It = Files.find(Name);
    if (It == Files.end() || It->second.Used >= Since)
      return;
    if (!fs::remove(It->second.Path))
      Total -= It->second.Size;
    Files.erase(It);
  };
  // Graphs and skeletons no entry names (their entries were replaced or
  // removed).
  for (auto [Files, Counts] :
       {std::pair(&C.Graphs, &Refs), std::pair(&C.Skeletons, &SkeletonRefs)}) {
    std::vector<std::string> Orphans;
    for (const auto &F : *Files)
      if (!Counts->count(F.first()))
        Orphans.push_back(F.first().str());
    for (const std::string &Name : Orphans)
      Remove(*Files, Name);
  }
  std::vector<size_t> Order(Entries.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return Entries[A].Used < Entries[B].Used;
  });
  for (size_t I : Order) {
    if (Total <= MaxBytes)
      break;
    if (fs::remove(Entries[I].Path))
      continue;
    Total -= Entries[I].Size;
    for (const std::string &Name : Named[I])
      if (--Refs[Name] == 0)
        Remove(C.Graphs, Name);
    if (!SkeletonOf[I].empty() && --SkeletonRefs[SkeletonOf[I]] == 0)
      Remove(C.Skeletons, SkeletonOf[I]);
  }
  return cacheUsage(Dir);
}

std::string fileHashesPath(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, FileHashesFile);
  return std::string(P);
}

std::string linkStatePath(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, LinkStateFile);
  return std::string(P);
}

CacheUsage cacheUsage(llvm::StringRef Dir) {
  CacheFiles C = listCache(Dir);
  CacheUsage U;
  U.Entries = C.Entries.size();
  U.Graphs = C.Graphs.size();
  U.Skeletons = C.Skeletons.size();
  U.Bytes = C.bytes();
  return U;
}

} // namespace escape
