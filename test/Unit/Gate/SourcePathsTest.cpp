//===- SourcePathsTest.cpp - How file names are shown and compared --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/SourcePaths.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

TEST(SourcePathsTest, RelativeToTheRootOrAnAlias) {
  SourcePaths P("/nonexistent/repo/", {});
  EXPECT_EQ(P.root(), "/nonexistent/repo");
  EXPECT_EQ(P.relative("/nonexistent/repo/src/a.cpp"), "src/a.cpp");
  EXPECT_EQ(P.relative("/nonexistent/repo2/a.cpp"), "");
  EXPECT_EQ(P.relative("/elsewhere/a.cpp"), "");
  P.addAlias("/nonexistent/tree");
  EXPECT_EQ(P.relative("/nonexistent/tree/src/a.cpp"), "src/a.cpp");
}

TEST(SourcePathsTest, ShownAsGiven) {
  SourcePaths P("/nonexistent/repo", {"/nonexistent/repo/src/../src/a.cpp"});
  EXPECT_EQ(P.shown("/nonexistent/repo/src/a.cpp"),
            "/nonexistent/repo/src/../src/a.cpp");
  EXPECT_EQ(P.shown("/nonexistent/repo/include/a.h"), "include/a.h");
  EXPECT_EQ(P.shown("/usr/include/stdio.h"), "/usr/include/stdio.h");
}

} // namespace
