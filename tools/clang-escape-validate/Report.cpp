//===- Report.cpp - Readable summary and JSON report ----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Report.h"

#include <nlohmann/json.hpp>

using namespace escape::validate;
using nlohmann::json;

namespace {

std::string claimText(const FunctionClaims &Fn, const ClaimVerdict &CV) {
  if (CV.IsHeap) {
    const HeapClaim &C = Fn.Heap[CV.Index];
    return "heap '" + (C.Type.empty() ? std::string("object") : C.Type) +
           "' claimed " + (C.Escapes ? "to escape" : "not to escape");
  }
  const StackClaim &C = Fn.Stack[CV.Index];
  return "&" + C.Name + " claimed " +
         (C.Escapes ? "to escape" : "not to escape");
}

std::string location(const FunctionClaims &Fn, const ClaimVerdict &CV) {
  unsigned Line = CV.IsHeap ? Fn.Heap[CV.Index].Line : Fn.Stack[CV.Index].Line;
  if (!Line)
    Line = Fn.Line;
  return (Fn.File.empty() ? std::string("<unknown>") : Fn.File) + ":" +
         std::to_string(Line);
}

const std::string &displayName(const FunctionClaims &Fn) {
  return Fn.QualifiedName.empty() ? Fn.Name : Fn.QualifiedName;
}

json functionCounters(const FunctionObservation *O) {
  if (!O)
    return json::object();
  return json{{"found", O->Found},
              {"activations", O->Activations},
              {"sampled_out", O->SampledOut},
              {"checked", O->Checked},
              {"traced", O->Traced},
              {"skipped_no_candidate", O->SkippedNoCandidate},
              {"unhookable", O->Unhookable},
              {"inlined", O->Inlined},
              {"other_thread", O->OtherThread},
              {"threads", O->Threads},
              {"exception", O->Exception},
              {"abandoned", O->Abandoned}};
}

} // namespace

void escape::validate::writeSummary(
    std::ostream &OS, const ReportContext &Ctx,
    const std::vector<FunctionVerdicts> &Verdicts) {
  unsigned Counts[5] = {};
  for (const FunctionVerdicts &FV : Verdicts) {
    for (const ClaimVerdict &CV : FV.Claims) {
      ++Counts[static_cast<int>(CV.V)];
      OS << location(*FV.Fn, CV) << ": " << verdictName(CV.V) << ": "
         << displayName(*FV.Fn) << ": " << claimText(*FV.Fn, CV);
      if (!CV.Detail.empty())
        OS << ": " << CV.Detail;
      OS << "\n";
    }
    for (const SiteObservation *S : FV.Unclaimed)
      OS << (S->File.empty() ? std::string("<unknown>") : S->File) << ":"
         << S->Line << ": note: " << displayName(*FV.Fn)
         << ": an allocation at a line with no heap claim escaped: "
         << S->Witness << "\n";
  }
  for (size_t I = 0; I < Ctx.Obs->Runs.size(); ++I) {
    const RunRecord &R = Ctx.Obs->Runs[I];
    if (!R.Problem.empty())
      OS << "run " << I + 1 << ": warning: " << R.Problem << "\n";
    else if (R.ExitCode != 0)
      OS << "run " << I + 1 << ": note: the program exited with status "
         << R.ExitCode << "\n";
  }
  unsigned Total = 0;
  for (unsigned C : Counts)
    Total += C;
  OS << "summary: " << Total << " claim" << (Total == 1 ? "" : "s") << " in "
     << Verdicts.size() << " function" << (Verdicts.size() == 1 ? "" : "s")
     << ", " << Ctx.Obs->Runs.size() << " run"
     << (Ctx.Obs->Runs.size() == 1 ? "" : "s") << ": "
     << Counts[int(Verdict::Confirmed)] << " confirmed, "
     << Counts[int(Verdict::Unsound)] << " unsound, "
     << Counts[int(Verdict::Imprecise)] << " imprecise, "
     << Counts[int(Verdict::Unverified)] << " unverified, "
     << Counts[int(Verdict::Unobserved)] << " unobserved\n";
}

void escape::validate::writeJsonReport(
    std::ostream &OS, const ReportContext &Ctx,
    const std::vector<FunctionVerdicts> &Verdicts) {
  json Summary = {{"CONFIRMED", 0},
                  {"UNSOUND", 0},
                  {"IMPRECISE", 0},
                  {"UNVERIFIED", 0},
                  {"UNOBSERVED", 0}};
  json Fns = json::array();
  for (const FunctionVerdicts &FV : Verdicts) {
    json Claims = json::array();
    for (const ClaimVerdict &CV : FV.Claims) {
      Summary[verdictName(CV.V)] = Summary[verdictName(CV.V)].get<int>() + 1;
      json C = {{"kind", CV.IsHeap ? "heap" : "stack"},
                {"verdict", verdictName(CV.V)},
                {"detail", CV.Detail},
                {"observed_escaping", CV.EscapedCount},
                {"observed_not_escaping", CV.NotEscapedCount}};
      if (CV.IsHeap) {
        const HeapClaim &H = FV.Fn->Heap[CV.Index];
        C["site"] = H.Site;
        C["line"] = H.Line;
        C["type"] = H.Type;
        C["escapes"] = H.Escapes;
      } else {
        const StackClaim &S = FV.Fn->Stack[CV.Index];
        C["name"] = S.Name;
        C["line"] = S.Line;
        C["escapes"] = S.Escapes;
      }
      if (CV.V == Verdict::Unsound ||
          (CV.V == Verdict::Confirmed && CV.EscapedCount))
        C["witness"] = CV.Detail;
      Claims.push_back(std::move(C));
    }
    json Unclaimed = json::array();
    for (const SiteObservation *S : FV.Unclaimed)
      Unclaimed.push_back({{"file", S->File},
                           {"line", S->Line},
                           {"escaped", S->Escaped},
                           {"witness", S->Witness}});
    Fns.push_back({{"name", FV.Fn->Name},
                   {"qualified_name", FV.Fn->QualifiedName},
                   {"mangled", FV.Fn->Mangled},
                   {"file", FV.Fn->File},
                   {"line", FV.Fn->Line},
                   {"counters", functionCounters(FV.Obs)},
                   {"claims", std::move(Claims)},
                   {"unclaimed_escapes", std::move(Unclaimed)}});
  }
  json Runs = json::array();
  for (const RunRecord &R : Ctx.Obs->Runs)
    Runs.push_back({{"exit_code", R.ExitCode},
                    {"observed", R.Observed},
                    {"thread_refusals", R.ThreadRefusals},
                    {"problem", R.Problem}});
  json Doc = {{"version", 1},
              {"claims_file", Ctx.Claims->Path},
              {"program", Ctx.Program},
              {"sample", Ctx.Sample},
              {"runs", std::move(Runs)},
              {"summary", std::move(Summary)},
              {"functions", std::move(Fns)}};
  OS << Doc.dump(2) << "\n";
}
