//===- MergedReport.cpp - One report from several programs ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/MergedReport.h"

#include <algorithm>

namespace escape {

void MergedReport::add(const std::string &Name, Program &&P, Report &&Rep,
                       Program &Into) {
  // The findings this program adds, and the functions they lie in.
  std::vector<Finding *> New;
  std::set<int> Needed;
  for (Finding &F : Rep.Findings) {
    Place At{F.Pos.File, F.Pos.Line, F.Pos.Column, mergedSubject(F.Subject),
             F.Check};
    auto [It, Fresh] = FindingAt.emplace(At, Out.Findings.size());
    if (Fresh) {
      Out.Findings.push_back(Finding());
      Programs.emplace_back();
      New.push_back(&F);
      Needed.insert(F.Graph);
    } else if (Out.Findings[It->second].Maybe && !F.Maybe) {
      // Definite in this program: the stronger finding is shown.
      New.push_back(&F);
      Needed.insert(F.Graph);
    }
    std::vector<std::string> &Names = Programs[It->second];
    if (!Name.empty() &&
        std::find(Names.begin(), Names.end(), Name) == Names.end())
      Names.push_back(Name);
  }
  std::vector<int> Where =
      Into.absorb(std::move(P), [&](const FunctionGraph &G, int I) {
        Place Def{G.Key, G.Pos.Line, G.Pos.Column, G.Pos.File, ""};
        return Drawn.insert(Def).second || Needed.count(I);
      });
  for (Finding *F : New) {
    Place At{F->Pos.File, F->Pos.Line, F->Pos.Column, mergedSubject(F->Subject),
             F->Check};
    if (F->Graph >= 0 && F->Graph < static_cast<int>(Where.size()))
      F->Graph = Where[F->Graph];
    Out.Findings[FindingAt[At]] = std::move(*F);
  }
  for (Remark &M : Rep.Remarks)
    if (Remarks.insert({M.Pos.File, M.Pos.Line, M.Pos.Column, M.Message, ""})
            .second)
      Out.Remarks.push_back(std::move(M));
  for (FixIt &X : Rep.FixIts)
    if (FixIts.insert({X.At.File, X.At.Line, X.At.Column, X.Text, X.Check})
            .second)
      Out.FixIts.push_back(std::move(X));
}

Report MergedReport::take() {
  for (size_t I = 0; I < Out.Findings.size(); ++I) {
    const std::vector<std::string> &Names = Programs[I];
    if (Names.empty())
      continue;
    std::string List;
    for (const std::string &N : Names)
      List += (List.empty() ? "" : ", ") + N;
    Out.Findings[I].Flow.push_back(Note{
        Names.size() == 1 ? "in program" : "in programs", List, SourcePos()});
  }
  sortByPosition(Out);
  FindingAt.clear();
  Programs.clear();
  return std::move(Out);
}

} // namespace escape
