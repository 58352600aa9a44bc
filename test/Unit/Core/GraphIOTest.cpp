//===- GraphIOTest.cpp - Graphs survive the cache -------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/GraphIO.h"
#include "GraphFixture.h"

#include "gtest/gtest.h"

using namespace escape;
using escape::test::GraphMaker;

namespace {

TEST(GraphIOTest, RoundTrip) {
  GraphMaker M("f");
  int X = M.local("x"), P = M.param("p");
  M.edge(FunctionGraph::ResultLoc, X, -1);
  M.edge(FunctionGraph::HeapLoc, P, 1, /*Maybe=*/true);
  FunctionSummary Model;
  Model.Slots.resize(1);
  Model.Slots[0].Content[0].merge(1, false, "model");
  Model.Slots[0].FieldContent[FieldRef{0, "S::f"}].merge(0, false, "");
  Model.Fields[FieldRef{0, "S::g"}].Result.merge(2, true, "");
  M.G.Models.push_back(Model);
  CallSite C;
  C.ArgFields.push_back({FieldRef{1, "S::f"}, X, P});
  M.G.Calls.push_back(C);
  M.G.Locs[X].Field = "S::f";
  M.G.Locs[X].Uses = {3, 7};
  M.G.Edges[0].OverwrittenAt = 9;
  M.G.Scopes.push_back(Scope{0, false, false, 20});
  M.G.Scopes.back().Unreached.push_back({25, 30, 0});
  M.G.Locs[X].Parent = P;
  ExtractedTU TU;
  TU.File = "/src/f.cpp";
  TU.Deps.push_back({"/src/f.h", 42});
  TU.Graphs.push_back(M.G);
  auto Back = readExtractedTU(writeExtractedTU(TU), "cache.json");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Graphs.size(), 1u);
  const FunctionGraph &G = Back->Graphs[0];
  EXPECT_EQ(G.Name, "f");
  EXPECT_EQ(G.Locs.size(), M.G.Locs.size());
  ASSERT_EQ(G.Edges.size(), 2u);
  EXPECT_EQ(G.Edges[0].Derefs, -1);
  EXPECT_TRUE(G.Edges[1].Maybe);
  EXPECT_EQ(G.Edges[0].Notes[0].What, M.G.Edges[0].Notes[0].What);
  EXPECT_EQ(G.Edges[0].OverwrittenAt, 9u);
  EXPECT_EQ(G.Locs[X].Uses, (std::vector<unsigned>{3, 7}));
  ASSERT_EQ(G.Scopes.size(), M.G.Scopes.size());
  ASSERT_EQ(G.Scopes.back().Unreached.size(), 1u);
  EXPECT_EQ(G.Scopes.back().Unreached[0].Begin, 25u);
  EXPECT_EQ(G.Scopes.back().Unreached[0].End, 30u);
  EXPECT_EQ(G.Scopes.back().Unreached[0].Loop, 0);
  EXPECT_EQ(G.Models[0].Slots[0].Content.at(0).Level, 1);
  EXPECT_EQ(G.Models[0].Slots[0].FieldContent.at(FieldRef{0, "S::f"}).Level, 0);
  EXPECT_TRUE(G.Models[0].Fields.at(FieldRef{0, "S::g"}).Result.Maybe);
  ASSERT_EQ(G.Calls[0].ArgFields.size(), 1u);
  EXPECT_EQ(G.Calls[0].ArgFields[0].Ref.Field, "S::f");
  EXPECT_EQ(G.Calls[0].ArgFields[0].Source, P);
  EXPECT_EQ(G.Locs[X].Field, "S::f");
  EXPECT_EQ(G.Locs[X].Parent, P);
  EXPECT_EQ(Back->Deps[0].Hash, 42u);
}

TEST(GraphIOTest, MalformedInputIsAnErrorNamingTheFile) {
  auto Bad = readExtractedTU("{\"format\": 1, \"file\": ", "cache.json");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("cache.json"),
            std::string::npos);
  auto Old = readCacheEntry(llvm::StringRef("CESC\x63", 5), "old.json");
  ASSERT_FALSE(static_cast<bool>(Old));
  EXPECT_NE(llvm::toString(Old.takeError()).find("cache format"),
            std::string::npos);
  // A truncated entry (a killed writer cannot leave one, a disk error can).
  ExtractedTU TU;
  TU.File = "/src/f.cpp";
  TU.Graphs.push_back(GraphMaker("f").G);
  std::string Text = writeExtractedTU(TU);
  auto Cut = readExtractedTU(llvm::StringRef(Text).drop_back(7), "cut.json");
  ASSERT_FALSE(static_cast<bool>(Cut));
  EXPECT_NE(llvm::toString(Cut.takeError()).find("cut.json"),
            std::string::npos);
}

TEST(GraphIOTest, AnEntryOfTheFormatBeforeIsAMissNamingItsVersion) {
  // Format 13 stored each unit's graphs in its own entry; its entries are
  // read as an older format, never as the per-file entries that replaced
  // them.
  ExtractedTU TU;
  TU.File = "/src/f.cpp";
  TU.Graphs.push_back(GraphMaker("f").G);
  std::string Text = writeExtractedTU(TU);
  Text.replace(0, 5, llvm::StringRef("CESC\x0d", 5));
  auto Old = readCacheEntry(Text, "old.esc");
  ASSERT_FALSE(static_cast<bool>(Old));
  EXPECT_NE(llvm::toString(Old.takeError()).find("cache format 13, expected"),
            std::string::npos);
}

TEST(GraphIOTest, AnEntryIsCheckedDependencyByDependencyAsItIsRead) {
  CacheEntry E;
  E.File = "/src/f.cpp";
  // The same path twice: the second is written as a repeat of the first.
  E.Deps = {{"/src/f.cpp", 1}, {"/src/f.h", 2}, {"/src/f.cpp", 1}};
  E.Graphs = {{1, 2}, {3, 4}};
  std::string Text = writeCacheEntry(E);
  std::vector<std::pair<std::string, uint64_t>> Seen;
  auto All = [](const CacheEntry &, size_t N) { return N == 3; };
  auto Read = readCacheEntryIf(Text, "f.esc", All,
                               [&](llvm::StringRef P, uint64_t H) {
                                 Seen.push_back({P.str(), H});
                                 return true;
                               });
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  ASSERT_TRUE(Read->has_value());
  EXPECT_EQ((*Read)->File, "/src/f.cpp");
  EXPECT_TRUE((*Read)->Deps.empty());
  EXPECT_EQ((*Read)->Graphs.size(), 2u);
  ASSERT_EQ(Seen.size(), 3u);
  EXPECT_EQ(Seen[1], std::make_pair(std::string("/src/f.h"), uint64_t(2)));
  EXPECT_EQ(Seen[2], std::make_pair(std::string("/src/f.cpp"), uint64_t(1)));
  // The first dependency refused ends the read: a miss, not an error.
  unsigned Asked = 0;
  auto Changed = readCacheEntryIf(Text, "f.esc", All,
                                  [&](llvm::StringRef P, uint64_t) {
                                    ++Asked;
                                    return P != "/src/f.h";
                                  });
  ASSERT_TRUE(static_cast<bool>(Changed));
  EXPECT_FALSE(Changed->has_value());
  EXPECT_EQ(Asked, 2u);
  auto Refused = readCacheEntryIf(
      Text, "f.esc", [](const CacheEntry &, size_t) { return false; },
      [](llvm::StringRef, uint64_t) { return true; });
  ASSERT_TRUE(static_cast<bool>(Refused));
  EXPECT_FALSE(Refused->has_value());
  // A damaged entry is an error naming it.
  Text[Text.size() - 3] ^= 1;
  auto Damaged = readCacheEntryIf(Text, "f.esc", All,
                                  [](llvm::StringRef, uint64_t) { return true; });
  ASSERT_FALSE(static_cast<bool>(Damaged));
  EXPECT_NE(llvm::toString(Damaged.takeError()).find("f.esc"),
            std::string::npos);
}

TEST(GraphIOTest, TheSameGraphHasTheSameIdAndAnotherAnother) {
  GraphMaker F("f"), G("g");
  std::string EF = writeFunctionGraph(F.G);
  EXPECT_EQ(graphIdOf(EF), graphIdOf(writeFunctionGraph(F.G)));
  EXPECT_FALSE(graphIdOf(EF) == graphIdOf(writeFunctionGraph(G.G)));
  EXPECT_EQ(graphIdOf(EF).str().size(), 32u);
  auto Back = readFunctionGraph(EF, "f.fg");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Name, "f");
  // A graph is not an entry.
  EXPECT_FALSE(static_cast<bool>(readCacheEntry(EF, "f.fg")));
}

TEST(GraphIOTest, SolvedComponentsRoundTrip) {
  SolvedComponent C;
  C.Key = {7, 9};
  FunctionSummary S;
  S.Name = "keep";
  S.Slots.resize(1);
  S.Slots[0].Heap.merge(0, false, "in keep");
  C.Summaries.push_back(S);
  Finding F;
  F.Check = "escape-heap";
  F.Pos.File = "a.cpp";
  F.Pos.Line = 3;
  F.Message = "address of local 'x' escapes";
  F.Flow.push_back(Note{"kept", "keep(&x)", F.Pos});
  F.Graph = 1;
  F.Path = {4, 2};
  C.Findings.push_back(F);
  C.Remarks.push_back(Remark{F.Pos, "x escapes to {heap}", {"step"}});
  C.FixIts.push_back(FixIt{"escape-annotate-noescape", F.Pos, " [[x]]", "m"});
  auto Back = readSolvedComponents(writeSolvedComponents({C}), "s.sol");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->size(), 1u);
  const SolvedComponent &B = Back->front();
  EXPECT_EQ(B.Key, C.Key);
  ASSERT_EQ(B.Summaries.size(), 1u);
  EXPECT_TRUE(B.Summaries[0] == S);
  ASSERT_EQ(B.Findings.size(), 1u);
  EXPECT_EQ(B.Findings[0].Message, F.Message);
  EXPECT_EQ(B.Findings[0].Flow.size(), 1u);
  EXPECT_EQ(B.Findings[0].Graph, 1);
  EXPECT_EQ(B.Findings[0].Path, F.Path);
  EXPECT_EQ(B.Remarks[0].Explain, std::vector<std::string>{"step"});
  EXPECT_EQ(B.FixIts[0].Text, " [[x]]");
  // Equal summaries encode the same, different ones differently.
  FunctionSummary T = S;
  EXPECT_EQ(encodeSummary(T), encodeSummary(S));
  T.Slots[0].Heap.Maybe = true;
  EXPECT_NE(encodeSummary(T), encodeSummary(S));
  // Another kind of file is not read as solutions.
  auto Wrong = readSolvedComponents(writeCacheEntry(CacheEntry()), "e.esc");
  EXPECT_FALSE(static_cast<bool>(Wrong));
  llvm::consumeError(Wrong.takeError());
}

TEST(GraphIOTest, LinkRecordRoundTrip) {
  LinkRecord R;
  R.Salt = "build 1 0";
  LinkRecord::Unit U;
  U.File = "/src/a.cpp";
  U.Reported = true;
  U.Graphs = {{1, 2}, {3, 4}};
  U.Functions = {0, -1};
  R.Units.push_back(U);
  FunctionSummary S;
  S.Name = "keep";
  S.Slots.resize(2);
  S.Slots[1].Heap.merge(1, true, "in keep");
  LinkRecord::Function F;
  F.Id = {1, 2};
  F.Key = "c:@F@keep";
  F.MainFile = F.Called = F.Solo = true;
  F.Shape = 0xfeedULL << 40;
  F.Summary = encodeSummary(S);
  F.Calls = {2, 0, 5, 0};
  R.Functions.push_back(F);
  R.Starts = {0, 1};
  R.Recursive = {0};
  R.PartOf = {0};
  Report Part;
  Part.Remarks.push_back(Remark{SourcePos(), "p leaks", {}});
  R.Parts.push_back(Part);
  R.Conservatives.push_back({0, "keep", SourcePos(), "past its budget"});
  R.OdrMismatches = {"inl"};
  R.Warnings = {"'f' is defined twice"};
  auto Back = readLinkRecord(writeLinkRecord(R), "link.state");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Salt, R.Salt);
  ASSERT_EQ(Back->Units.size(), 1u);
  EXPECT_EQ(Back->Units[0].Graphs, U.Graphs);
  EXPECT_EQ(Back->Units[0].Functions, U.Functions);
  ASSERT_EQ(Back->Functions.size(), 1u);
  const LinkRecord::Function &B = Back->Functions[0];
  EXPECT_EQ(B.Key, F.Key);
  EXPECT_EQ(B.Shape, F.Shape);
  EXPECT_EQ(B.Calls, F.Calls);
  EXPECT_TRUE(B.Solo && B.Called && B.MainFile);
  // A summary comes back as it was encoded.
  auto Summary = decodeSummary(B.Summary);
  ASSERT_TRUE(static_cast<bool>(Summary));
  EXPECT_TRUE(*Summary == S);
  auto Longer = decodeSummary(B.Summary + "x");
  EXPECT_FALSE(static_cast<bool>(Longer));
  llvm::consumeError(Longer.takeError());
  EXPECT_EQ(Back->Starts, R.Starts);
  EXPECT_EQ(Back->Recursive, R.Recursive);
  ASSERT_EQ(Back->Parts.size(), 1u);
  EXPECT_EQ(Back->Parts[0].Remarks[0].Message, "p leaks");
  EXPECT_EQ(Back->Conservatives[0].Why, "past its budget");
  EXPECT_EQ(Back->OdrMismatches, R.OdrMismatches);
  EXPECT_EQ(Back->Warnings, R.Warnings);
  // Solutions are not a link state.
  auto Wrong = readLinkRecord(writeSolvedComponents({}), "s.sol");
  EXPECT_FALSE(static_cast<bool>(Wrong));
  llvm::consumeError(Wrong.takeError());
}

} // namespace
