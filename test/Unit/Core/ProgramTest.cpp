//===- ProgramTest.cpp - Linking and bottom-up solving --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Interproc/Program.h"
#include "GraphFixture.h"

#include "gtest/gtest.h"

using namespace escape;
using escape::test::GraphMaker;

namespace {

/// void keep(int *p) { g = p; }
FunctionGraph keeper(const std::string &Name) {
  GraphMaker M(Name);
  int P = M.param("p");
  M.edge(FunctionGraph::HeapLoc, P, 0);
  return M.G;
}

/// void caller() { int x; callee(&x); }
FunctionGraph caller(const std::string &Name, const std::string &Callee,
                     int &X) {
  GraphMaker M(Name);
  X = M.local("x");
  int A = M.add(LocKind::Flow, "{temp}");
  M.edge(A, X, -1);
  CallSite C;
  C.CalleeKey = "c:@F@" + Callee;
  C.CalleeName = Callee;
  C.Args = {A};
  C.ArgContent = {X};
  M.G.Calls.push_back(C);
  return M.G;
}

const SolvedFunction &solvedOf(const Program &P, const std::string &Name) {
  for (size_t I = 0; I < P.graphs().size(); ++I)
    if (P.graphs()[I].Name == Name)
      return P.solved()[I];
  static SolvedFunction None;
  return None;
}

TEST(ProgramTest, CalleeInAnotherUnitKeepsTheArgument) {
  Program P;
  int X;
  P.add({caller("f", "keep", X)});
  P.add({keeper("keep")});
  P.solve();
  const SolvedFunction &S = solvedOf(P, "f");
  ASSERT_EQ(S.Escapes.size(), 1u);
  EXPECT_EQ(S.Escapes[0].Loc, X);
  EXPECT_EQ(S.Escapes[0].Root, FunctionGraph::HeapLoc);
  EXPECT_FALSE(S.Escapes[0].Maybe);
}

TEST(ProgramTest, UnknownCalleeIsOnlyAMaybe) {
  Program P;
  int X;
  P.add({caller("f", "nowhere", X)});
  P.solve();
  const SolvedFunction &S = solvedOf(P, "f");
  ASSERT_EQ(S.Escapes.size(), 1u);
  EXPECT_TRUE(S.Escapes[0].Maybe);
}

TEST(ProgramTest, LeakPropagatesAroundARecursiveRing) {
  // r0 -> r1 -> ... -> r(N-1) -> r0, and r(N/2) keeps its argument.
  const int N = 50;
  Program P;
  std::vector<FunctionGraph> Gs;
  for (int I = 0; I < N; ++I) {
    GraphMaker M("r" + std::to_string(I));
    int Param = M.param("p");
    if (I == N / 2)
      M.edge(FunctionGraph::HeapLoc, Param, 0);
    int A = M.add(LocKind::Flow, "{temp}");
    M.edge(A, Param, 0);
    CallSite C;
    C.CalleeKey = "c:@F@r" + std::to_string((I + 1) % N);
    C.CalleeName = "r" + std::to_string((I + 1) % N);
    C.Args = {A};
    C.ArgContent = {-1};
    M.G.Calls.push_back(C);
    Gs.push_back(M.G);
  }
  P.add(std::move(Gs));
  P.solve();
  for (int I = 0; I < N; ++I) {
    const FunctionSummary *S = P.summary("c:@F@r" + std::to_string(I));
    ASSERT_NE(S, nullptr);
    EXPECT_EQ(S->Slots[0].Heap.Level, 0) << "r" << I;
  }
}

TEST(ProgramTest, DuplicateDefinitionsKeepOneCopy) {
  Program P;
  P.add({keeper("keep")});
  P.add({keeper("keep")});
  P.solve();
  EXPECT_EQ(P.graphs().size(), 1u);
}

} // namespace
