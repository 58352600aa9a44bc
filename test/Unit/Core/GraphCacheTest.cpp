//===- GraphCacheTest.cpp - Graphs stored once, entries pruned ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/GraphCache.h"
#include "GraphFixture.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <thread>

using namespace escape;
using escape::test::GraphMaker;

namespace {

class GraphCacheTest : public ::testing::Test {
protected:
  llvm::SmallString<128> Dir;
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("graph-cache", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string entry(llvm::StringRef Name) {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, Name + ".esc");
    return std::string(P);
  }
  /// A unit of \p Functions, each with one local.
  static ExtractedTU unit(llvm::StringRef File,
                          std::initializer_list<const char *> Functions) {
    ExtractedTU TU;
    TU.File = File.str();
    TU.Deps.push_back({TU.File, 1});
    for (const char *F : Functions) {
      GraphMaker M(F);
      M.local("x");
      TU.Graphs.push_back(M.G);
    }
    return TU;
  }
  std::optional<ExtractedTU> load(llvm::StringRef Name) {
    auto TU = loadCacheEntry(Dir, entry(Name),
                             [](const CacheEntry &) { return true; });
    EXPECT_TRUE(static_cast<bool>(TU)) << llvm::toString(TU.takeError());
    return TU ? std::move(*TU) : std::nullopt;
  }
};

TEST_F(GraphCacheTest, AGraphSharedByUnitsIsStoredOnce) {
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a", "inl"}), entry("a"))));
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("b.cpp", {"b", "inl"}), entry("b"))));
  CacheUsage U = cacheUsage(Dir);
  EXPECT_EQ(U.Entries, 2u);
  EXPECT_EQ(U.Graphs, 3u);
  std::optional<ExtractedTU> B = load("b");
  ASSERT_TRUE(B.has_value());
  ASSERT_EQ(B->Graphs.size(), 2u);
  EXPECT_EQ(B->Graphs[0].Name, "b");
  EXPECT_EQ(B->Graphs[1].Name, "inl");
  EXPECT_EQ(B->Graphs[1].Locs.size(), unit("", {"inl"}).Graphs[0].Locs.size());
  EXPECT_EQ(B->File, "b.cpp");
}

TEST_F(GraphCacheTest, GraphsThatShareADirectoryAreAllWritten) {
  // 300 graphs in 256 directories: some share one, and a graph already
  // stored is recognized by its file, which must never be created empty.
  ExtractedTU TU = unit("many.cpp", {});
  for (int I = 0; I < 300; ++I) {
    GraphMaker M("f" + std::to_string(I));
    TU.Graphs.push_back(M.G);
  }
  ASSERT_FALSE(static_cast<bool>(storeCacheEntry(Dir, TU, entry("many"))));
  std::optional<ExtractedTU> Back = load("many");
  ASSERT_TRUE(Back.has_value());
  ASSERT_EQ(Back->Graphs.size(), 300u);
  EXPECT_EQ(Back->Graphs[299].Name, "f299");
}

TEST_F(GraphCacheTest, DependenciesAreCheckedBeforeGraphsAreRead) {
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a"}), entry("a"))));
  auto Stale = loadCacheEntry(Dir, entry("a"), [](const CacheEntry &E) {
    return E.Deps.size() == 1 && E.Deps[0].Hash == 2;
  });
  ASSERT_TRUE(static_cast<bool>(Stale));
  EXPECT_FALSE(Stale->has_value());
}

TEST_F(GraphCacheTest, PruningDropsTheLeastRecentlyUsedFirst) {
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("old.cpp", {"old", "inl"}), entry("old"))));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("new.cpp", {"new", "inl"}), entry("new"))));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // Reading marks an entry as used: 'old' is now the more recent.
  ASSERT_TRUE(load("old").has_value());
  uint64_t Full = cacheUsage(Dir).Bytes;
  auto Pruned = pruneCache(Dir, Full - 1, std::chrono::system_clock::now());
  ASSERT_TRUE(static_cast<bool>(Pruned)) << llvm::toString(Pruned.takeError());
  EXPECT_EQ(Pruned->Entries, 1u);
  // 'new' and its own graph are gone; the shared one stays for 'old'.
  EXPECT_EQ(Pruned->Graphs, 2u);
  EXPECT_FALSE(llvm::sys::fs::exists(entry("new")));
  std::optional<ExtractedTU> Old = load("old");
  ASSERT_TRUE(Old.has_value());
  EXPECT_EQ(Old->Graphs.size(), 2u);
}

TEST_F(GraphCacheTest, GraphsOfARunInProgressAreKept) {
  auto Started = std::chrono::system_clock::now() - std::chrono::hours(1);
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a"}), entry("a"))));
  auto Pruned = pruneCache(Dir, 0, Started);
  ASSERT_TRUE(static_cast<bool>(Pruned));
  EXPECT_EQ(Pruned->Entries, 0u);
  EXPECT_EQ(Pruned->Graphs, 1u);
}

TEST_F(GraphCacheTest, APrunedGraphIsAMissNotDamage) {
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a"}), entry("a"))));
  llvm::SmallString<128> Graphs(Dir);
  llvm::sys::path::append(Graphs, "graphs");
  ASSERT_FALSE(llvm::sys::fs::remove_directories(Graphs));
  auto TU =
      loadCacheEntry(Dir, entry("a"), [](const CacheEntry &) { return true; });
  ASSERT_TRUE(static_cast<bool>(TU));
  EXPECT_FALSE(TU->has_value());
}

TEST_F(GraphCacheTest, AStoredGraphIsReadAgainByTheIdTheEntryNames) {
  CacheEntry Stored;
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a", "inl"}), entry("a"), &Stored)));
  ASSERT_EQ(Stored.Graphs.size(), 2u);
  auto G = loadGraph(Dir, Stored.Graphs[1]);
  ASSERT_TRUE(static_cast<bool>(G)) << llvm::toString(G.takeError());
  EXPECT_EQ(G->Name, "inl");
  // loadGraphs names what it appended, in order.
  std::set<GraphId> Loaded{Stored.Graphs[0]};
  std::vector<FunctionGraph> Out;
  std::vector<GraphId> Ids;
  auto Done = loadGraphs(Dir, Stored.Graphs, Loaded, Out, &Ids);
  ASSERT_TRUE(Done && *Done);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Name, "inl");
  EXPECT_EQ(Ids, std::vector<GraphId>{Stored.Graphs[1]});
  // Gone: an error, not an empty graph.
  GraphId Missing{1, 2};
  auto None = loadGraph(Dir, Missing);
  EXPECT_FALSE(static_cast<bool>(None));
  llvm::consumeError(None.takeError());
}

TEST_F(GraphCacheTest, TheLinkReadsSkeletonsNotGraphs) {
  CacheEntry Stored;
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a", "inl"}), entry("a"), &Stored)));
  EXPECT_EQ(cacheUsage(Dir).Skeletons, 1u);
  // A graph that cannot be decoded is not read: its skeleton is.
  for (const GraphId &Id : Stored.Graphs) {
    std::string Name = Id.str();
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, "graphs", Name.substr(0, 2), Name + ".fg");
    std::error_code EC;
    llvm::raw_fd_ostream(P, EC) << "not a graph";
    ASSERT_FALSE(EC);
  }
  std::set<GraphId> Loaded{Stored.Graphs[0]};
  std::vector<FunctionGraph> Out;
  std::vector<GraphId> Ids;
  auto Done = loadSkeletons(Dir, Stored.Graphs, Loaded, Out, Ids, true);
  ASSERT_TRUE(static_cast<bool>(Done)) << llvm::toString(Done.takeError());
  ASSERT_TRUE(*Done);
  ASSERT_EQ(Out.size(), 1u); // 'a' was loaded before
  EXPECT_EQ(Out[0].Name, "inl");
  EXPECT_TRUE(Out[0].Locs.empty());
  EXPECT_EQ(Ids, std::vector<GraphId>{Stored.Graphs[1]});
  EXPECT_EQ(Loaded.size(), 2u);
  // A graph gone: a miss.
  llvm::SmallString<128> Graphs(Dir);
  llvm::sys::path::append(Graphs, "graphs");
  ASSERT_FALSE(llvm::sys::fs::remove_directories(Graphs));
  std::set<GraphId> None;
  auto Gone = loadSkeletons(Dir, Stored.Graphs, None, Out, Ids, true);
  ASSERT_TRUE(static_cast<bool>(Gone));
  EXPECT_FALSE(*Gone);
}

TEST_F(GraphCacheTest, SkeletonsMissingAreMadeFromTheGraphsOnce) {
  CacheEntry Stored;
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a", "inl"}), entry("a"), &Stored)));
  // As a cache written before skeletons were stored.
  llvm::SmallString<128> Skeletons(Dir);
  llvm::sys::path::append(Skeletons, "skeletons");
  ASSERT_FALSE(llvm::sys::fs::remove_directories(Skeletons));
  EXPECT_EQ(cacheUsage(Dir).Skeletons, 0u);
  std::set<GraphId> Loaded;
  std::vector<FunctionGraph> Out;
  std::vector<GraphId> Ids;
  auto Done = loadSkeletons(Dir, Stored.Graphs, Loaded, Out, Ids, true);
  ASSERT_TRUE(Done && *Done);
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(Out[0].Name, "a");
  EXPECT_TRUE(Out[1].Locs.empty());
  EXPECT_EQ(Ids, Stored.Graphs);
  EXPECT_EQ(cacheUsage(Dir).Skeletons, 1u);
}

TEST_F(GraphCacheTest, PruningCountsEverythingAndDropsSkeletonsWithEntries) {
  ASSERT_FALSE(static_cast<bool>(
      storeCacheEntry(Dir, unit("a.cpp", {"a"}), entry("a"))));
  uint64_t Before = cacheUsage(Dir).Bytes;
  llvm::SmallString<128> Sol(Dir);
  llvm::sys::path::append(Sol, "solutions.sol");
  {
    std::error_code EC;
    llvm::raw_fd_ostream(Sol, EC) << std::string(1000, 'x');
    ASSERT_FALSE(EC);
  }
  EXPECT_EQ(cacheUsage(Dir).Bytes, Before + 1000);
  auto Pruned = pruneCache(Dir, 1000, std::chrono::system_clock::now() +
                                          std::chrono::hours(1));
  ASSERT_TRUE(static_cast<bool>(Pruned)) << llvm::toString(Pruned.takeError());
  EXPECT_EQ(Pruned->Entries, 0u);
  EXPECT_EQ(Pruned->Graphs, 0u);
  EXPECT_EQ(Pruned->Skeletons, 0u);
  EXPECT_EQ(Pruned->Bytes, 1000u);
}

} // namespace
