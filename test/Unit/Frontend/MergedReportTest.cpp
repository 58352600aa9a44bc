//===- MergedReportTest.cpp - One report from several programs ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/MergedReport.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

FunctionGraph function(const std::string &Name, const std::string &File,
                       unsigned Line) {
  FunctionGraph G;
  G.Key = "c:@F@" + Name;
  G.Name = Name;
  G.Pos.File = File;
  G.Pos.Line = Line;
  G.Pos.Column = 1;
  G.MainFile = true;
  return G;
}

Finding finding(const std::string &File, unsigned Line, int Graph,
                bool Maybe = false) {
  Finding F;
  F.Check = "escape-global";
  F.Pos.File = File;
  F.Pos.Line = Line;
  F.Pos.Column = 3;
  F.Subject = "local";
  F.Graph = Graph;
  F.Maybe = Maybe;
  return F;
}

/// The flow's last step names the programs.
std::string programsOf(const Finding &F) {
  if (F.Flow.empty())
    return "";
  return F.Flow.back().Why + ": " + F.Flow.back().What;
}

TEST(MergedReportTest, ALibraryFindingOfTwoProgramsIsReportedOnce) {
  MergedReport M;
  Program Into;
  // Program a: the library's runCase (leaks) and a's own setup.
  Program A;
  A.add({function("runCase", "lib.cpp", 5), function("setup", "a.cpp", 3)});
  Report RA;
  RA.Findings = {finding("lib.cpp", 7, 0)};
  RA.Remarks = {Remark{SourcePos{"lib.cpp", 7, 3}, "local escapes", {}}};
  M.add("a", std::move(A), std::move(RA), Into);
  // Program b: the same library function, its own setup, the same finding
  // and one of its own.
  Program B;
  B.add({function("setup", "b.cpp", 3), function("runCase", "lib.cpp", 5)});
  Report RB;
  RB.Findings = {finding("b.cpp", 4, 0), finding("lib.cpp", 7, 1)};
  RB.Remarks = {Remark{SourcePos{"lib.cpp", 7, 3}, "local escapes", {}}};
  M.add("b", std::move(B), std::move(RB), Into);
  Report R = M.take();
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Pos.File, "b.cpp"); // sorted by position
  EXPECT_EQ(programsOf(R.Findings[0]), "in program: b");
  EXPECT_EQ(programsOf(R.Findings[1]), "in programs: a, b");
  EXPECT_EQ(R.Remarks.size(), 1u);
  // The library function is drawn once; b's setup is b's.
  ASSERT_EQ(Into.graphs().size(), 3u);
  EXPECT_EQ(Into.graphs()[R.Findings[0].Graph].Pos.File, "b.cpp");
  EXPECT_EQ(Into.graphs()[R.Findings[1].Graph].Pos.File, "lib.cpp");
}

TEST(MergedReportTest, ADefiniteFindingWinsOverAMaybe) {
  MergedReport M;
  Program Into;
  Program A, B;
  A.add({function("runCase", "lib.cpp", 5)});
  B.add({function("runCase", "lib.cpp", 5)});
  Report RA, RB;
  RA.Findings = {finding("lib.cpp", 7, 0, /*Maybe=*/true)};
  RB.Findings = {finding("lib.cpp", 7, 0, /*Maybe=*/false)};
  M.add("a", std::move(A), std::move(RA), Into);
  M.add("b", std::move(B), std::move(RB), Into);
  Report R = M.take();
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_FALSE(R.Findings[0].Maybe);
  EXPECT_EQ(programsOf(R.Findings[0]), "in programs: a, b");
  // b's copy of the function is kept: the finding shown was made there.
  EXPECT_EQ(Into.graphs().size(), 2u);
  EXPECT_EQ(R.Findings[0].Graph, 1);
}

TEST(MergedReportTest, ATemporaryOfATemplateIsOneFindingForAllPrograms) {
  // The same statement of a header's template, instantiated differently
  // by two programs.
  auto Temporary = [](const char *Type) {
    Finding F = finding("lib.h", 7, 0);
    F.Subject = std::string("temporary '") + Type + "'";
    return F;
  };
  MergedReport M;
  Program Into;
  for (const char *Name : {"a", "b"}) {
    Program P;
    P.add({function("parse", "lib.h", 5)});
    Report Rep;
    if (Name[0] == 'a')
      Rep.Findings = {Temporary("Pointer<Value<UTF8<>>>")};
    else
      Rep.Findings = {Temporary("Pointer<Value<UTF16<>>>"),
                      Temporary("Other<int>")};
    M.add(Name, std::move(P), std::move(Rep), Into);
  }
  Report R = M.take();
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(R.Findings[0].Subject, "temporary 'Pointer<Value<UTF8<>>>'");
  EXPECT_EQ(programsOf(R.Findings[0]), "in programs: a, b");
  EXPECT_EQ(R.Findings[1].Subject, "temporary 'Other<int>'");
  EXPECT_EQ(programsOf(R.Findings[1]), "in program: b");
}

TEST(MergedReportTest, TheFallbackProgramIsNotNamed) {
  MergedReport M;
  Program Into, A, Rest;
  A.add({function("f", "a.cpp", 1)});
  Rest.add({function("g", "loose.cpp", 1)});
  Report RA, RR;
  RA.Findings = {finding("a.cpp", 2, 0)};
  RR.Findings = {finding("loose.cpp", 2, 0)};
  M.add("a", std::move(A), std::move(RA), Into);
  M.add("", std::move(Rest), std::move(RR), Into);
  Report R = M.take();
  ASSERT_EQ(R.Findings.size(), 2u);
  EXPECT_EQ(programsOf(R.Findings[0]), "in program: a");
  EXPECT_TRUE(R.Findings[1].Flow.empty());
}

} // namespace
