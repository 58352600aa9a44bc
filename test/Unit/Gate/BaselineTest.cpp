//===- BaselineTest.cpp - Findings accepted so far, and what is new -------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Gate/Baseline.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

Finding finding(const std::string &Fp, const std::string &File,
                const std::string &Function) {
  Finding F;
  F.Check = "escape-heap";
  F.Fingerprint = Fp;
  F.Function = Function;
  F.Pos = {"/root/" + File, 1, 1, 0};
  F.Message = "m";
  return F;
}

/// A baseline file with \p Text, read back.
llvm::Expected<Baseline> readText(llvm::StringRef Text) {
  llvm::SmallString<128> Path;
  int FD;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("baseline", "json", FD, Path))
    return llvm::errorCodeToError(EC);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  auto B = readBaseline(Path);
  llvm::sys::fs::remove(Path);
  return B;
}

TEST(BaselineTest, CountsSortsAndKeepsJustifications) {
  Report R;
  R.Findings = {finding("bb", "z.cpp", "f"), finding("aa", "a.cpp", "g"),
                finding("aa", "a.cpp", "g")};
  Baseline Old;
  Old.Entries.push_back({"aa", "", "", "", "", 1, "accepted"});
  Baseline B = makeBaseline(R, SourcePaths("/root", {}), &Old);
  ASSERT_EQ(B.Entries.size(), 2u);
  EXPECT_EQ(B.Entries[0].File, "a.cpp");
  EXPECT_EQ(B.Entries[0].Count, 2u);
  EXPECT_EQ(B.Entries[0].Justification, "accepted");
  EXPECT_EQ(B.Entries[1].File, "z.cpp");
  EXPECT_EQ(B.Entries[1].Justification, "");

  auto Back = readText(baselineText(B));
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Entries.size(), 2u);
  EXPECT_EQ(Back->Entries[0].Fingerprint, "aa");
  EXPECT_EQ(Back->Entries[0].Count, 2u);
  EXPECT_EQ(Back->Entries[0].Justification, "accepted");
}

TEST(BaselineTest, NewWhenAbsentOrMoreThanCounted) {
  Baseline B;
  B.Entries.push_back({"aa", "", "", "", "", 1, "why"});
  B.Entries.push_back({"gone", "", "x.cpp", "", "", 2, ""});
  Report R;
  R.Findings = {finding("aa", "a.cpp", "g"), finding("aa", "a.cpp", "g"),
                finding("cc", "a.cpp", "g"), finding("gone", "x.cpp", "h")};
  Comparison C = compare(R, B);
  EXPECT_EQ(C.States, (std::vector<BaselineState>{
                          BaselineState::Unchanged, BaselineState::New,
                          BaselineState::New, BaselineState::Unchanged}));
  EXPECT_EQ(C.Justifications[0], "why");
  ASSERT_EQ(C.Fixed.size(), 1u);
  EXPECT_EQ(C.Fixed[0].Fingerprint, "gone");
  EXPECT_EQ(C.Fixed[0].Count, 1u);
  Report New = onlyNew(R, C);
  ASSERT_EQ(New.Findings.size(), 2u);
  EXPECT_EQ(New.Findings[1].Fingerprint, "cc");
  EXPECT_TRUE(hasNewBug(R, &C));
  EXPECT_TRUE(hasNewBug(R, nullptr));
  // Only perf-class findings are new: the gate passes.
  R.Findings[1].Class = R.Findings[2].Class = FindingClass::Perf;
  EXPECT_FALSE(hasNewBug(R, &C));
}

TEST(BaselineTest, RefusesWhatIsNotABaseline) {
  for (llvm::StringRef Bad :
       {"", "[]", "{\"version\": 1", "{\"entries\": []}",
        "{\"version\": 2, \"fingerprint\": \"escapeFingerprint/v1\", "
        "\"entries\": []}",
        "{\"version\": 1, \"fingerprint\": \"other\", \"entries\": []}",
        "{\"version\": 1, \"fingerprint\": \"escapeFingerprint/v1\"}",
        "{\"version\": 1, \"fingerprint\": \"escapeFingerprint/v1\", "
        "\"entries\": [{\"fingerprint\": \"aa\", \"count\": 0}]}"}) {
    auto B = readText(Bad);
    EXPECT_FALSE(static_cast<bool>(B)) << Bad.str();
    if (!B)
      llvm::consumeError(B.takeError());
  }
  auto Empty = readText("{\"version\": 1, \"fingerprint\": "
                        "\"escapeFingerprint/v1\", \"entries\": []}");
  ASSERT_TRUE(static_cast<bool>(Empty)) << llvm::toString(Empty.takeError());
  EXPECT_TRUE(Empty->Entries.empty());
}

} // namespace
