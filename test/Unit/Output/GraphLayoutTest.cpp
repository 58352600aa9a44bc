//===- GraphLayoutTest.cpp - Where a drawn escape graph's parts go --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "GraphLayout.h"

#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

/// x -> p -> {heap}, with a cycle p -> q -> p beside it and a second,
/// parallel edge x -> p.
DrawnGraph sample() {
  DrawnGraph G;
  for (const char *Name : {"x", "p", "{heap}", "q"}) {
    DrawnNode N;
    N.Loc = static_cast<int>(G.Nodes.size());
    N.Name = Name;
    N.Detail = "local, line 3";
    G.Nodes.push_back(N);
  }
  auto Add = [&](int Src, int Dst, const char *Label) {
    DrawnEdge E;
    E.Edge = static_cast<int>(G.Edges.size());
    E.Src = Src;
    E.Dst = Dst;
    E.Label = Label;
    G.Edges.push_back(E);
  };
  Add(0, 1, "&");
  Add(1, 2, "");
  Add(1, 3, "*");
  Add(3, 1, "");
  Add(0, 1, "**");
  return G;
}

bool overlap(const NodeBox &A, const NodeBox &B) {
  return std::abs(A.X - B.X) * 2 < A.W + B.W &&
         std::abs(A.Y - B.Y) * 2 < A.H + B.H;
}

void expectDrawable(const DrawnGraph &G, const GraphLayout &L) {
  ASSERT_EQ(L.Nodes.size(), G.Nodes.size());
  ASSERT_EQ(L.Edges.size(), G.Edges.size());
  for (size_t I = 0; I < L.Nodes.size(); ++I) {
    const NodeBox &B = L.Nodes[I];
    EXPECT_GE(B.X - B.W / 2, 0) << G.Nodes[I].Name;
    EXPECT_GE(B.Y - B.H / 2, 0) << G.Nodes[I].Name;
    EXPECT_LE(B.X + B.W / 2, L.Width) << G.Nodes[I].Name;
    EXPECT_LE(B.Y + B.H / 2, L.Height) << G.Nodes[I].Name;
    EXPECT_GE(B.W, nodeSize(G.Nodes[I]).W);
    for (size_t J = 0; J < I; ++J)
      EXPECT_FALSE(overlap(B, L.Nodes[J]))
          << G.Nodes[I].Name << " on " << G.Nodes[J].Name;
  }
  for (const EdgeRoute &R : L.Edges)
    EXPECT_EQ(R.D.rfind("M ", 0), 0u) << R.D;
}

TEST(GraphLayoutTest, LayeredFlowsDownwardsWithoutOverlap) {
  DrawnGraph G = sample();
  GraphLayout L = layoutLayered(G);
  expectDrawable(G, L);
  // x above p above {heap}; the cycle's back edge does not lift q over p.
  EXPECT_LT(L.Nodes[0].Y, L.Nodes[1].Y);
  EXPECT_LT(L.Nodes[1].Y, L.Nodes[2].Y);
  EXPECT_LT(L.Nodes[1].Y, L.Nodes[3].Y);
  EXPECT_EQ(L.Nodes[2].Y, L.Nodes[3].Y);
}

TEST(GraphLayoutTest, LayeredEmptyAndSelfLoop) {
  GraphLayout Empty = layoutLayered(DrawnGraph());
  EXPECT_TRUE(Empty.Nodes.empty());
  EXPECT_GT(Empty.Width, 0);
  DrawnGraph G;
  G.Nodes.push_back(DrawnNode{0, LocKind::Local, "n", "local"});
  G.Edges.push_back(DrawnEdge{0, 0, 0, "*", false, false});
  GraphLayout L = layoutLayered(G);
  expectDrawable(G, L);
}

TEST(GraphLayoutTest, DotLaysOutEveryGraphOfOneRun) {
  auto Dot = llvm::sys::findProgramByName("dot");
  if (!Dot)
    GTEST_SKIP() << "Graphviz dot is not installed";
  std::vector<DrawnGraph> Graphs{sample(), DrawnGraph(), sample()};
  auto L = layoutWithDot(*Dot, Graphs);
  ASSERT_TRUE(static_cast<bool>(L)) << llvm::toString(L.takeError());
  ASSERT_EQ(L->size(), 3u);
  expectDrawable(Graphs[0], (*L)[0]);
  expectDrawable(Graphs[2], (*L)[2]);
  // Parallel edges x -> p keep their own routes and labels.
  EXPECT_NE((*L)[0].Edges[0].D, (*L)[0].Edges[4].D);
  for (const EdgeRoute &R : (*L)[0].Edges)
    EXPECT_FALSE(R.D.empty());
  // dot draws downwards too.
  EXPECT_LT((*L)[0].Nodes[0].Y, (*L)[0].Nodes[2].Y);
}

TEST(GraphLayoutTest, DotThatFailsIsAnError) {
  auto False = llvm::sys::findProgramByName("false");
  if (!False)
    GTEST_SKIP() << "no 'false' program";
  auto L = layoutWithDot(*False, {sample()});
  ASSERT_FALSE(static_cast<bool>(L));
  EXPECT_NE(llvm::toString(L.takeError()).find("failed"), std::string::npos);
}

} // namespace
