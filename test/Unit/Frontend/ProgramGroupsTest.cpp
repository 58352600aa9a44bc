//===- ProgramGroupsTest.cpp - Which files make which program -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/ProgramGroups.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

ProgramSpec spec(const std::string &Text) {
  auto P = parseProgramSpec(Text, "/proj");
  EXPECT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  return P ? *P : ProgramSpec();
}

TEST(ProgramGroupsTest, ParsesNamesAndGlobs) {
  ProgramSpec P = spec(" a_test = tests/a*.cpp, /lib/../src/*.cpp ,");
  EXPECT_EQ(P.Name, "a_test");
  EXPECT_EQ(P.Globs,
            (std::vector<std::string>{"/proj/tests/a*.cpp", "/src/*.cpp"}));
  for (const char *Bad :
       {"a_test", "=x.cpp", "a_test=", "a_test=,", "a_test=[.cpp"}) {
    auto E = parseProgramSpec(Bad, "/proj");
    EXPECT_FALSE(static_cast<bool>(E)) << Bad;
    if (!E)
      EXPECT_NE(llvm::toString(E.takeError()).find("NAME=GLOB"),
                std::string::npos);
  }
}

TEST(ProgramGroupsTest, AProgramNamedTwiceIsMerged) {
  std::vector<ProgramSpec> Ps;
  addProgram(Ps, spec("a=a.cpp"));
  addProgram(Ps, spec("b=b.cpp"));
  addProgram(Ps, spec("a=lib.cpp"));
  ASSERT_EQ(Ps.size(), 2u);
  EXPECT_EQ(Ps[0].Globs.size(), 2u);
}

TEST(ProgramGroupsTest, SharedFilesBelongToEachProgram) {
  std::vector<ProgramSpec> Ps{spec("a=a.cpp,lib/*.cpp"),
                              spec("b=b.cpp,lib/*.cpp"), spec("c=c.cpp")};
  Ps[2].Files.insert("/proj/gen/c2.cpp");
  std::vector<std::string> Reported{"/proj/lib/x.cpp", "/proj/a.cpp",
                                    "/proj/loose.cpp", "/proj/b.cpp"};
  std::vector<std::string> Linked{"/proj/lib/y.cpp", "/proj/gen/c2.cpp",
                                  "/proj/other.cpp"};
  std::vector<LinkGroup> G = groupByProgram(Ps, Reported, Linked);
  // 'c' holds no reported file: not linked. The fallback comes last.
  ASSERT_EQ(G.size(), 3u);
  EXPECT_EQ(G[0].Name, "a");
  EXPECT_EQ(G[0].Reported, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(G[0].Linked, (std::vector<size_t>{0}));
  EXPECT_EQ(G[1].Name, "b");
  EXPECT_EQ(G[1].Reported, (std::vector<size_t>{0, 3}));
  EXPECT_EQ(G[1].Linked, (std::vector<size_t>{0}));
  EXPECT_EQ(G[2].Name, "");
  EXPECT_EQ(G[2].Reported, (std::vector<size_t>{2}));
  EXPECT_EQ(G[2].Linked, (std::vector<size_t>{2}));
}

TEST(ProgramGroupsTest, WithoutProgramsEverythingIsOneProgram) {
  std::vector<LinkGroup> G = groupByProgram({}, {"/a.cpp", "/b.cpp"}, {"/c"});
  ASSERT_EQ(G.size(), 1u);
  EXPECT_EQ(G[0].Name, "");
  EXPECT_EQ(G[0].Reported, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(G[0].Linked, (std::vector<size_t>{0}));
  // Every file in a program: no fallback.
  G = groupByProgram({spec("a=/*.cpp")}, {"/a.cpp"}, {});
  ASSERT_EQ(G.size(), 1u);
  EXPECT_EQ(G[0].Name, "a");
}

TEST(ProgramGroupsTest, AProgramsFileIsReadRelativeToItself) {
  llvm::SmallString<256> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("programs", Dir));
  llvm::SmallString<256> File(Dir);
  llvm::sys::path::append(File, "programs.txt");
  ASSERT_FALSE(static_cast<bool>(writeFileAtomically(
      File, "# the tests\n\none = tests/one.cpp, lib/*.cpp # and its lib\n"
            "two=tests/two.cpp\n")));
  auto Ps = readProgramsFile(File);
  ASSERT_TRUE(static_cast<bool>(Ps)) << llvm::toString(Ps.takeError());
  ASSERT_EQ(Ps->size(), 2u);
  EXPECT_EQ((*Ps)[0].Globs.back(), (Dir + "/lib/*.cpp").str());
  ASSERT_FALSE(static_cast<bool>(
      writeFileAtomically(File, "one=a.cpp\nno name here\n")));
  auto Bad = readProgramsFile(File);
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("programs.txt:2:"),
            std::string::npos);
  llvm::sys::fs::remove_directories(Dir);
  auto Gone = readProgramsFile(File);
  ASSERT_FALSE(static_cast<bool>(Gone));
  llvm::consumeError(Gone.takeError());
}

} // namespace
