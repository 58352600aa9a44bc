//===- GraphCache.cpp - The deduplicated cache of extracted units ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/GraphCache.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <algorithm>

namespace escape {

namespace {

namespace fs = llvm::sys::fs;

constexpr llvm::StringLiteral GraphsDir = "graphs";

std::string graphPath(llvm::StringRef Dir, const GraphId &Id) {
  std::string Name = Id.str();
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, GraphsDir, Name.substr(0, 2), Name + ".fg");
  return std::string(P);
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

struct CacheFile {
  std::string Path;
  uint64_t Size = 0;
  llvm::sys::TimePoint<> Used;
};

/// The entries (<key>.esc) and the graphs (graphs/*/<id>.fg) of \p Dir.
void listCache(llvm::StringRef Dir, std::vector<CacheFile> &Entries,
               llvm::StringMap<CacheFile> &Graphs) {
  auto Add = [](const std::string &Path, CacheFile &F) {
    fs::file_status S;
    if (fs::status(Path, S) || !fs::is_regular_file(S))
      return false;
    F.Path = Path;
    F.Size = S.getSize();
    F.Used = S.getLastModificationTime();
    return true;
  };
  std::error_code EC;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    CacheFile F;
    if (llvm::sys::path::extension(It->path()) == ".esc" && Add(It->path(), F))
      Entries.push_back(std::move(F));
  }
  llvm::SmallString<256> Root(Dir);
  llvm::sys::path::append(Root, GraphsDir);
  for (fs::recursive_directory_iterator It(Root, EC), End; It != End && !EC;
       It.increment(EC)) {
    CacheFile F;
    if (llvm::sys::path::extension(It->path()) == ".fg" && Add(It->path(), F))
      Graphs[llvm::sys::path::stem(It->path())] = std::move(F);
  }
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
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(Buf.getError(), "cannot read '%s': %s",
                                   Path.c_str(),
                                   Buf.getError().message().c_str());
  return readFunctionGraph((*Buf)->getBuffer(), Path);
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
  for (const FunctionGraph &G : TU.Graphs) {
    std::string Encoded = writeFunctionGraph(G);
    GraphId Id = graphIdOf(Encoded);
    Entry.Graphs.push_back(Id);
    std::string Path = graphPath(Dir, Id);
    // Named by its content: one that exists is this graph. Marked as used,
    // so that a concurrent pruneCache keeps it for the entry written next.
    if (touch(Path))
      continue;
    if (std::error_code EC =
            fs::create_directories(llvm::sys::path::parent_path(Path)))
      return llvm::createStringError(EC, "cannot create '%s': %s", Path.c_str(),
                                     EC.message().c_str());
    if (llvm::Error E = writeFileAtomically(Path, Encoded))
      return E;
  }
  if (llvm::Error E = writeFileAtomically(EntryPath, writeCacheEntry(Entry)))
    return E;
  if (Stored)
    *Stored = std::move(Entry);
  return llvm::Error::success();
}

llvm::Expected<CacheUsage> pruneCache(llvm::StringRef Dir, uint64_t MaxBytes,
                                      llvm::sys::TimePoint<> Since) {
  std::vector<CacheFile> Entries;
  llvm::StringMap<CacheFile> Graphs;
  listCache(Dir, Entries, Graphs);
  uint64_t Total = 0;
  for (const CacheFile &F : Entries)
    Total += F.Size;
  for (const auto &G : Graphs)
    Total += G.second.Size;
  // How many entries name each graph; an unreadable entry (an older
  // format, damage) names none and goes first.
  llvm::StringMap<unsigned> Refs;
  std::vector<std::vector<std::string>> Named(Entries.size());
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
  }
  auto RemoveGraph = [&](llvm::StringRef Name) {
    auto It = Graphs.find(Name);
    if (It == Graphs.end() || It->second.Used >= Since)
      return;
    if (!fs::remove(It->second.Path))
      Total -= It->second.Size;
    Graphs.erase(It);
  };
  // Graphs no entry names (their entries were replaced or removed).
  std::vector<std::string> Orphans;
  for (const auto &G : Graphs)
    if (!Refs.count(G.first()))
      Orphans.push_back(G.first().str());
  for (const std::string &Name : Orphans)
    RemoveGraph(Name);
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
        RemoveGraph(Name);
  }
  return cacheUsage(Dir);
}

CacheUsage cacheUsage(llvm::StringRef Dir) {
  std::vector<CacheFile> Entries;
  llvm::StringMap<CacheFile> Graphs;
  listCache(Dir, Entries, Graphs);
  CacheUsage U;
  U.Entries = Entries.size();
  U.Graphs = Graphs.size();
  for (const CacheFile &F : Entries)
    U.Bytes += F.Size;
  for (const auto &G : Graphs)
    U.Bytes += G.second.Size;
  return U;
}

} // namespace escape
