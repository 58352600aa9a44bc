//===- FingerprintTest.cpp - Line-independent identity of a finding -------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Gate/Fingerprint.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

Finding returnOf(const std::string &Subject, unsigned Line) {
  Finding F;
  F.Check = "escape-return";
  F.Function = "ns::make";
  F.Subject = Subject;
  F.Sink = "~r0";
  F.Pos = {"/src/a.cpp", Line, 3, 0};
  return F;
}

TEST(FingerprintTest, IgnoresPositionsAndCheckoutButNotWhatEscapes) {
  Finding F = returnOf("x", 10);
  std::string Fp = fingerprint(F, "src/a.cpp", "return&x");
  EXPECT_EQ(Fp.size(), 16u);
  EXPECT_EQ(Fp, fingerprint(returnOf("x", 99), "src/a.cpp", "return&x"));
  EXPECT_NE(Fp, fingerprint(returnOf("y", 10), "src/a.cpp", "return&x"));
  EXPECT_NE(Fp, fingerprint(F, "src/b.cpp", "return&x"));
  EXPECT_NE(Fp, fingerprint(F, "src/a.cpp", "return(&x)"));
  Finding Sink = F;
  Sink.Sink = "{heap}";
  EXPECT_NE(Fp, fingerprint(Sink, "src/a.cpp", "return&x"));
}

TEST(FingerprintTest, LambdaLineIsNoPartOfTheFunction) {
  Finding A = returnOf("v", 5), B = returnOf("v", 9);
  A.Function = "f::lambda@3";
  B.Function = "f::lambda@7";
  EXPECT_EQ(fingerprint(A, "a.cpp", "s"), fingerprint(B, "a.cpp", "s"));
  B.Function = "g::lambda@7";
  EXPECT_NE(fingerprint(A, "a.cpp", "s"), fingerprint(B, "a.cpp", "s"));
}

TEST(FingerprintTest, StatementFromTheFlowStepAtThePosition) {
  Report R;
  R.Findings = {returnOf("x", 4), returnOf("x", 8)};
  // The same statement, written with other white space.
  R.Findings[0].Flow = {{"return", "return &x", R.Findings[0].Pos}};
  R.Findings[1].Flow = {{"return", "return  & x", R.Findings[1].Pos}};
  assignFingerprints(R, SourcePaths("/src", {}));
  EXPECT_EQ(R.Findings[0].Fingerprint, R.Findings[1].Fingerprint);
  EXPECT_EQ(occurrenceIndexes(R), (std::vector<unsigned>{0, 1}));
  R.Findings[1].Flow[0].What = "return &x + 1";
  assignFingerprints(R, SourcePaths("/src", {}));
  EXPECT_NE(R.Findings[0].Fingerprint, R.Findings[1].Fingerprint);
  EXPECT_EQ(occurrenceIndexes(R), (std::vector<unsigned>{0, 0}));
}

TEST(FingerprintTest, SurvivesReformattingOfALongStatement) {
  Report R;
  R.Findings = {returnOf("n", 4), returnOf("n", 8)};
  // The analysis cuts the text after 61 characters, wherever the spaces
  // are; and Clang names a lambda's type by its place.
  R.Findings[0].Flow = {{"call",
                         "pool.detach_task( [&total_count, &tid, &sem, "
                         "thread_count = p...",
                         R.Findings[0].Pos}};
  R.Findings[1].Flow = {{"call",
                         "pool.detach_task([&total_count, &tid, &sem, "
                         "thread_count = poo...",
                         R.Findings[1].Pos}};
  R.Findings[0].Subject = "temporary '(lambda at /one/a.cpp:4:7)'";
  R.Findings[1].Subject = "temporary '(lambda at /two/a.cpp:9:3)'";
  assignFingerprints(R, SourcePaths("/src", {}));
  EXPECT_EQ(R.Findings[0].Fingerprint, R.Findings[1].Fingerprint);
  R.Findings[1].Subject = "temporary '(unnamed struct at /two/a.cpp:9:3)'";
  assignFingerprints(R, SourcePaths("/src", {}));
  EXPECT_NE(R.Findings[0].Fingerprint, R.Findings[1].Fingerprint);
}

} // namespace
