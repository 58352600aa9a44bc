//===- SolverTest.cpp - Go's walk over hand-built graphs ------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Solve/Solver.h"
#include "GraphFixture.h"

#include "gtest/gtest.h"

using namespace escape;
using escape::test::GraphMaker;

namespace {

bool escapesTo(const SolvedFunction &S, int Loc, int Root, bool Maybe = false) {
  for (const EscapeFact &F : S.Escapes)
    if (F.Loc == Loc && F.Root == Root && F.Maybe == Maybe)
      return true;
  return false;
}

TEST(SolverTest, AddressReturnedThroughAlias) {
  GraphMaker M("f");
  int X = M.local("x"), P = M.local("p");
  M.edge(P, X, -1);                       // p = &x
  M.edge(FunctionGraph::ResultLoc, P, 0); // return p
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, X, FunctionGraph::ResultLoc));
  EXPECT_FALSE(escapesTo(S, P, FunctionGraph::ResultLoc));
  ASSERT_EQ(S.Escapes.size(), 1u);
  EXPECT_EQ(S.Escapes[0].Path.size(), 2u); // x -> p -> ~r0
}

TEST(SolverTest, AddressOfHolderDoesNotCarryItsValue) {
  // root = &l; l = x: the address of x does not flow (Go's clamp).
  GraphMaker M("f");
  int L = M.local("l"), X = M.local("x"), Q = M.local("q");
  M.edge(FunctionGraph::HeapLoc, L, -1);
  M.edge(L, X, 0);
  M.edge(X, Q, -1); // x = &q: q's address is what l's content points to
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, L, FunctionGraph::HeapLoc));
  EXPECT_FALSE(escapesTo(S, X, FunctionGraph::HeapLoc));
  // q's address is stored in x, x is inside l, l is reachable: q escapes.
  EXPECT_TRUE(escapesTo(S, Q, FunctionGraph::HeapLoc));
}

TEST(SolverTest, DereferencedValueDoesNotEscape) {
  // g = *p where p = &x: x's value (not its address) reaches the heap.
  GraphMaker M("f");
  int X = M.local("x"), P = M.local("p");
  M.edge(P, X, -1);
  M.edge(FunctionGraph::HeapLoc, P, 1);
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(S.Escapes.empty());
}

TEST(SolverTest, ParamTagsWithLevels) {
  GraphMaker M("f");
  int P = M.param("p"), Q = M.param("q"), R = M.param("r"), U = M.param("u");
  M.edge(FunctionGraph::HeapLoc, P, 0);   // g = p
  M.edge(FunctionGraph::HeapLoc, Q, 1);   // g = *q
  M.edge(FunctionGraph::ResultLoc, R, 0); // return r
  (void)U;
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  ASSERT_EQ(S.Summary.Slots.size(), 4u);
  EXPECT_EQ(S.Summary.Slots[0].Heap.Level, 0);
  EXPECT_EQ(S.Summary.Slots[1].Heap.Level, 1);
  EXPECT_FALSE(S.Summary.Slots[2].Heap.present());
  EXPECT_EQ(S.Summary.Slots[2].Result.Level, 0);
  EXPECT_TRUE(S.Summary.Slots[3].empty());
}

TEST(SolverTest, StoreIntoAnotherParametersObject) {
  GraphMaker M("set");
  int Out = M.param("out"), V = M.param("v");
  (void)Out;
  M.edge(M.G.SlotContents[0], V, 0); // *out = v
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  ASSERT_EQ(S.Summary.Slots[1].Content.count(0), 1u);
  EXPECT_EQ(S.Summary.Slots[1].Content.at(0).Level, 0);
}

TEST(SolverTest, MaybeEdgesOnlyInTheSecondPass) {
  GraphMaker M("f");
  int X = M.local("x"), Y = M.local("y");
  M.edge(FunctionGraph::HeapLoc, X, -1, /*Maybe=*/true);
  M.edge(FunctionGraph::HeapLoc, Y, -1);
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, X, FunctionGraph::HeapLoc, /*Maybe=*/true));
  EXPECT_TRUE(escapesTo(S, Y, FunctionGraph::HeapLoc, /*Maybe=*/false));
  EXPECT_FALSE(escapesTo(S, Y, FunctionGraph::HeapLoc, /*Maybe=*/true));
}

TEST(SolverTest, InnerScopeLocalUsedAfterItsBlock) {
  GraphMaker M("f");
  M.G.Scopes.push_back(Scope{0, false, false, /*EndOffset=*/50});
  int P = M.local("p", 0), X = M.local("x", 1);
  M.G.Locs[P].LastUse = 80; // read after x's block ends
  M.edge(P, X, -1);
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, X, P));
  M.G.Locs[P].LastUse = 40; // only read inside the block
  S = solveFunction(M.G, M.G.Edges);
  EXPECT_FALSE(escapesTo(S, X, P));
}

TEST(SolverTest, ReadsTheScopesEndCannotReachDoNotCount) {
  GraphMaker M("f");
  M.G.Scopes.push_back(Scope{0, false, false, /*EndOffset=*/50});
  int P = M.local("p", 0), X = M.local("x", 1);
  M.G.Locs[P].LastUse = 70;
  M.G.Locs[P].Uses = {30, 70}; // 70: in the other branch of the if
  M.G.Scopes[1].Unreached.push_back({60, 75, -1});
  M.edge(P, X, -1);
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_FALSE(escapesTo(S, X, P));
  M.G.Locs[P].LastUse = 90; // and after the if: reached
  M.G.Locs[P].Uses.push_back(90);
  S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, X, P));
}

TEST(SolverTest, ALoopAroundTheIfReachesTheOtherBranchAgain) {
  GraphMaker M("f");
  M.G.Scopes.push_back(Scope{0, true, false, /*EndOffset=*/100}); // loop
  M.G.Scopes.push_back(Scope{1, false, false, /*EndOffset=*/50});
  int Outer = M.local("outer", 0), Inner = M.local("inner", 1);
  int X = M.local("x", 2);
  for (int H : {Outer, Inner}) {
    M.G.Locs[H].LastUse = 70;
    M.G.Locs[H].Uses = {70};
    M.edge(H, X, -1);
  }
  M.G.Scopes[2].Unreached.push_back({60, 75, /*Loop=*/1});
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, X, Outer)); // the same holder next time round
  EXPECT_FALSE(escapesTo(S, X, Inner)); // a fresh one every iteration
}

TEST(SolverTest, AStoreReplacedBeforeTheScopesEndIsGone) {
  GraphMaker M("f");
  M.G.Scopes.push_back(Scope{0, false, false, /*EndOffset=*/50});
  int P = M.local("p", 0), X = M.local("x", 1);
  M.G.Locs[P].LastUse = 80;
  M.edge(P, X, -1);
  M.G.Edges.back().OverwrittenAt = 45;
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_FALSE(escapesTo(S, X, P));
  M.G.Edges.back().OverwrittenAt = 60; // replaced only after x died
  S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, X, P));
}

TEST(SolverTest, CyclesTerminate) {
  GraphMaker M("f");
  int A = M.local("a"), B = M.local("b"), C = M.local("c");
  M.edge(A, B, -1);
  M.edge(B, A, -1);
  M.edge(B, C, 0);
  M.edge(C, B, 1);
  M.edge(FunctionGraph::ResultLoc, A, 0);
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  EXPECT_TRUE(escapesTo(S, B, FunctionGraph::ResultLoc));
}

TEST(SolverTest, DefiniteFindingExplainedByDefinitePath) {
  // b is reached first with one deref (heap = *b), then by its address
  // through a (a = &b; b = &a): its predecessors form a cycle, and the
  // explanation is searched again. A maybe edge straight to the heap must
  // not explain the definite finding.
  GraphMaker M("f");
  int A = M.local("a"), B = M.local("b");
  M.edge(FunctionGraph::HeapLoc, B, -1, /*Maybe=*/true);
  M.edge(FunctionGraph::HeapLoc, B, 1);
  M.edge(B, A, -1);
  M.edge(A, B, -1);
  SolvedFunction S = solveFunction(M.G, M.G.Edges);
  bool Found = false;
  for (const EscapeFact &F : S.Escapes)
    if (F.Loc == B && F.Root == FunctionGraph::HeapLoc && !F.Maybe) {
      Found = true;
      ASSERT_FALSE(F.Path.empty());
      for (int EI : F.Path)
        EXPECT_FALSE(S.Edges[EI].Maybe);
    }
  EXPECT_TRUE(Found);
}

} // namespace
