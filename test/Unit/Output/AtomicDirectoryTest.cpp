//===- AtomicDirectoryTest.cpp - Replace a directory of files at once -----===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/AtomicDirectory.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

class AtomicDirectoryTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("atomic-directory", Root));
    Dir = Root;
    llvm::sys::path::append(Dir, "report");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  std::string read(llvm::StringRef Rel) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Rel);
    auto B = llvm::MemoryBuffer::getFile(P);
    return B ? (*B)->getBuffer().str() : "<missing>";
  }
  /// The entries of Root: only the report, no temporary left behind.
  std::vector<std::string> entries() {
    std::vector<std::string> Out;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Root, EC), End; !EC && It != End;
         It.increment(EC))
      Out.push_back(llvm::sys::path::filename(It->path()).str());
    return Out;
  }

  llvm::SmallString<256> Root, Dir;
};

TEST_F(AtomicDirectoryTest, CreatesThenReplacesAReport) {
  ASSERT_FALSE(static_cast<bool>(writeDirectoryAtomically(
      Dir, {{".mark", ""}, {"index.html", "one"}, {"src/a.html", "a"}},
      ".mark")));
  EXPECT_EQ(read("index.html"), "one");
  EXPECT_EQ(read("src/a.html"), "a");
  ASSERT_FALSE(static_cast<bool>(writeDirectoryAtomically(
      Dir, {{".mark", ""}, {"index.html", "two"}}, ".mark")));
  EXPECT_EQ(read("index.html"), "two");
  // Nothing of the previous report is left.
  EXPECT_EQ(read("src/a.html"), "<missing>");
  EXPECT_EQ(entries(), std::vector<std::string>{"report"});
}

TEST_F(AtomicDirectoryTest, ReplacesAnEmptyDirectory) {
  ASSERT_FALSE(llvm::sys::fs::create_directory(Dir));
  ASSERT_FALSE(static_cast<bool>(writeDirectoryAtomically(
      (Dir + "/").str(), {{"index.html", "x"}}, ".mark")));
  EXPECT_EQ(read("index.html"), "x");
  EXPECT_EQ(entries(), std::vector<std::string>{"report"});
}

TEST_F(AtomicDirectoryTest, NeverReplacesSomeoneElsesFiles) {
  ASSERT_FALSE(llvm::sys::fs::create_directory(Dir));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS((Dir + "/notes.txt").str(), EC);
    OS << "mine";
  }
  llvm::Error E = writeDirectoryAtomically(Dir, {{"index.html", "x"}}, ".mark");
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("not a report"),
            std::string::npos);
  EXPECT_EQ(read("notes.txt"), "mine");
  EXPECT_EQ(entries(), std::vector<std::string>{"report"});
}

TEST_F(AtomicDirectoryTest, AFileInTheWayIsAnError) {
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Dir, EC);
  }
  llvm::Error E = writeDirectoryAtomically(Dir, {{"index.html", "x"}}, ".m");
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("not a directory"),
            std::string::npos);
}

} // namespace
