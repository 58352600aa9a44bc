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

TEST(ProgramTest, SolvedAloneAsInTheProgram) {
  // What the link state does for a function whose callee changed: solved
  // with its targets' summaries, without the program.
  Program P;
  int X;
  P.add({caller("f", "keep", X)});
  P.add({keeper("keep")});
  P.solve();
  const FunctionSummary *Keep = P.summary("c:@F@keep");
  ASSERT_NE(Keep, nullptr);
  FunctionGraph F = caller("f", "keep", X);
  SolvedFunction Alone = Program::solveAlone(
      F, [&](size_t, std::vector<const FunctionSummary *> &Out) {
        Out.push_back(Keep);
        return true;
      });
  const SolvedFunction &InProgram = solvedOf(P, "f");
  EXPECT_TRUE(Alone.Summary == InProgram.Summary);
  ASSERT_EQ(Alone.Escapes.size(), InProgram.Escapes.size());
  EXPECT_EQ(Alone.Escapes[0].Loc, X);
  // No target in the program: unknown, a maybe.
  SolvedFunction Unknown = Program::solveAlone(
      F, [](size_t, std::vector<const FunctionSummary *> &) { return false; });
  ASSERT_EQ(Unknown.Escapes.size(), 1u);
  EXPECT_TRUE(Unknown.Escapes[0].Maybe);
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

/// r0 -> r1 -> ... -> r(N-1) -> r0, and r(N/2) keeps its argument.
std::vector<FunctionGraph> ring(int N) {
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
  return Gs;
}

TEST(ProgramTest, LeakPropagatesAroundARecursiveRing) {
  const int N = 50;
  Program P;
  std::vector<FunctionGraph> Gs = ring(N);
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

TEST(ProgramTest, ACollisionWithinOneProgramIsNoted) {
  // 'keep' defined in a.cpp and in b.cpp of one program: both analyzed,
  // calls reach the first, and the collision is said.
  Program P;
  FunctionGraph A = keeper("keep"), B = keeper("keep");
  A.Pos.File = "a.cpp";
  B.Pos.File = "b.cpp";
  P.add({A});
  P.add({B});
  P.solve();
  EXPECT_EQ(P.graphs().size(), 2u);
  ASSERT_EQ(P.collisions().size(), 1u);
  EXPECT_EQ(P.collisions()[0].Name, "keep");
  EXPECT_EQ(P.collisions()[0].First, "a.cpp");
  EXPECT_EQ(P.collisions()[0].Other, "b.cpp");
}

TEST(ProgramTest, OneHeaderSpelledTwoWaysIsOneDefinition) {
  // A header reached as `src/core/t.h` from one unit and through
  // `/repo/src/entity/../core/t.h` from another: the same definition.
  Program P;
  FunctionGraph A = keeper("keep"), B = keeper("keep"), C = keeper("keep");
  A.Pos.File = "src/core/t.h";
  B.Pos.File = "/repo/src/entity/../core/t.h";
  C.Pos.File = "/repo/src/core/t.h";
  P.add({A});
  P.add({B});
  P.add({C});
  P.solve();
  EXPECT_EQ(P.graphs().size(), 1u);
  EXPECT_TRUE(P.collisions().empty());
}

TEST(ProgramTest, AbsorbKeepsWhatItIsAskedTo) {
  Program Into, Other;
  int X;
  Other.add({caller("f", "keep", X), keeper("keep")});
  Other.solve();
  std::vector<int> Where =
      Into.absorb(std::move(Other),
                  [](const FunctionGraph &G, int) { return G.Name == "f"; });
  ASSERT_EQ(Into.graphs().size(), 1u);
  ASSERT_EQ(Into.solved().size(), 1u);
  EXPECT_EQ(Into.solved()[0].Escapes.size(), 1u); // solved with Other's keep
  // Solved callees first: keep, then f.
  EXPECT_EQ(Where, (std::vector<int>{-1, 0}));
}

/// char *buffer(Holder *this) { return this->buf_; }
FunctionGraph fieldReader() {
  GraphMaker M("buffer");
  M.param("this");
  int In = M.add(LocKind::ParamField, "this->buf_");
  M.G.Locs[In].Slot = 0;
  M.G.Locs[In].Field = "Holder::buf_";
  M.edge(FunctionGraph::ResultLoc, In, 0);
  return M.G;
}

/// void f() { Holder h{&x, heap}; g = h.buffer(); } with 'h' split into
/// h.tag_ (holding &x) and h.buf_.
FunctionGraph fieldCaller(bool KeepFields, int &X) {
  GraphMaker M("f");
  X = M.local("x");
  int H = M.local("h");
  int Tag = M.add(LocKind::Flow, "h.tag_"),
      Buf = M.add(LocKind::Flow, "h.buf_");
  M.G.Locs[Tag].Parent = M.G.Locs[Buf].Parent = H;
  M.edge(Tag, X, -1);
  M.edge(H, Tag, 0);
  M.edge(H, Buf, 0);
  int A = M.add(LocKind::Flow, "{temp}"), R = M.add(LocKind::Flow, "{res}");
  M.edge(A, H, -1);
  M.edge(FunctionGraph::HeapLoc, R, 0);
  CallSite C;
  C.CalleeKey = "c:@F@buffer";
  C.CalleeName = "buffer";
  C.Method = true;
  C.Args = {A};
  C.ArgContent = {H};
  C.Result = R;
  if (KeepFields) {
    C.ArgFields.push_back({FieldRef{0, "Holder::tag_"}, Tag, Tag});
    C.ArgFields.push_back({FieldRef{0, "Holder::buf_"}, Buf, Buf});
  }
  M.G.Calls.push_back(C);
  return M.G;
}

TEST(ProgramTest, FieldReadLandsOnTheCallersField) {
  for (bool Keep : {true, false}) {
    Program P;
    int X;
    P.add({fieldCaller(Keep, X)});
    P.add({fieldReader()});
    P.solve();
    const SolvedFunction &Callee = solvedOf(P, "buffer");
    EXPECT_EQ(
        Callee.Summary.Fields.at(FieldRef{0, "Holder::buf_"}).Result.Level, 0);
    EXPECT_FALSE(Callee.Summary.Slots[0].Result.present());
    EXPECT_EQ(slotLeaks(Callee.Summary, 0).Result.Level, 1);
    // With the caller's field nodes only 'buf_' is returned; without them
    // the whole object is, and '&x' with it.
    const SolvedFunction &S = solvedOf(P, "f");
    EXPECT_EQ(S.Escapes.size(), Keep ? 0u : 1u) << "KeepFields=" << Keep;
  }
}

/// A program whose graphs are given with handles: bodies read through a
/// loader that counts its reads.
struct BoundedProgram {
  std::vector<FunctionGraph> Store;
  std::vector<int> Reads;
  Program P;
  explicit BoundedProgram(std::vector<FunctionGraph> Gs) : Store(Gs) {
    Reads.assign(Store.size(), 0);
    P.setBodyLoader([this](int H) -> llvm::Expected<FunctionGraph> {
      ++Reads[H];
      return Store[H];
    });
    std::vector<int> Hs;
    for (size_t I = 0; I < Store.size(); ++I)
      Hs.push_back(static_cast<int>(I));
    P.add(std::move(Gs), Hs);
  }
};

TEST(ProgramTest, BoundedLinkReadsEachBodyOnceAndKeepsOnlySummaries) {
  int X;
  BoundedProgram B({caller("f", "keep", X), keeper("keep")});
  // Linked: skeletons only, the callee still known.
  for (const FunctionGraph &G : B.P.graphs()) {
    EXPECT_TRUE(G.Locs.empty()) << G.Name;
    EXPECT_TRUE(G.Edges.empty()) << G.Name;
  }
  std::vector<std::string> Seen;
  std::vector<size_t> Escapes;
  B.P.solve([&](size_t, const FunctionGraph &G, const SolvedFunction &S) {
    EXPECT_FALSE(G.Locs.empty()) << G.Name; // the body, read again
    Seen.push_back(G.Name);
    Escapes.push_back(S.Escapes.size());
  });
  // Callee first, with its body; f's escape through it seen by the visitor.
  EXPECT_EQ(Seen, (std::vector<std::string>{"keep", "f"}));
  EXPECT_EQ(Escapes, (std::vector<size_t>{0u, 1u}));
  EXPECT_EQ(B.Reads, (std::vector<int>{1, 1}));
  // After: summaries, no bodies, no edges.
  const FunctionSummary *S = B.P.summary("c:@F@keep");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->Slots[0].Heap.Level, 0);
  for (size_t I = 0; I < B.P.graphs().size(); ++I) {
    EXPECT_TRUE(B.P.graphs()[I].Locs.empty());
    EXPECT_TRUE(B.P.solved()[I].Edges.empty());
    EXPECT_TRUE(B.P.solved()[I].Escapes.empty());
  }
  EXPECT_TRUE(B.P.bodyErrors().empty());
}

TEST(ProgramTest, BoundedRecursiveComponentEqualsResident) {
  const int N = 6;
  std::vector<FunctionGraph> Gs = ring(N);
  Program Resident;
  Resident.add(Gs);
  Resident.solve();
  BoundedProgram B(Gs);
  B.P.solve();
  for (int I = 0; I < N; ++I) {
    std::string Key = "c:@F@r" + std::to_string(I);
    ASSERT_NE(B.P.summary(Key), nullptr);
    EXPECT_TRUE(*B.P.summary(Key) == *Resident.summary(Key)) << Key;
    // Read once for the whole fixpoint, not once per iteration.
    EXPECT_EQ(B.Reads[I], 1) << Key;
  }
}

TEST(ProgramTest, BoundedBodyThatCannotBeReadIsUnknown) {
  int X;
  Program P;
  P.setBodyLoader([](int) -> llvm::Expected<FunctionGraph> {
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "gone");
  });
  P.add({keeper("keep")}, {0});
  P.add({caller("f", "keep", X)});
  unsigned Visited = 0;
  P.solve([&](size_t, const FunctionGraph &, const SolvedFunction &) {
    ++Visited;
  });
  EXPECT_EQ(Visited, 1u); // f only: nothing is reported of 'keep'
  ASSERT_EQ(P.bodyErrors().size(), 1u);
  EXPECT_NE(P.bodyErrors()[0].find("'keep' solved as unknown: gone"),
            std::string::npos);
  const FunctionSummary *S = P.summary("c:@F@keep");
  ASSERT_NE(S, nullptr);
  EXPECT_TRUE(S->Unknown);
  EXPECT_TRUE(S->Slots[0].Heap.Maybe);
  const SolvedFunction &F = solvedOf(P, "f");
  ASSERT_EQ(F.Escapes.size(), 1u);
  EXPECT_TRUE(F.Escapes[0].Maybe);
}

} // namespace
