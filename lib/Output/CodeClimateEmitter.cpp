//===- CodeClimateEmitter.cpp - GitLab Code Quality report ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A JSON array of Code Climate issues, the format of GitLab's
// `artifacts: reports: codequality`. GitLab compares the fingerprints of a
// merge request's report with its target branch's to show what is new, so
// each issue's fingerprint is ours plus its occurrence index.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Gate/Fingerprint.h"
#include "clang-escape/Output/Emitters.h"

#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

namespace escape {

void emitCodeClimate(const Report &R, const SourcePaths &Paths,
                     llvm::raw_ostream &OS) {
  using Json = nlohmann::ordered_json;
  Json Issues = Json::array();
  std::vector<unsigned> Occurrence = occurrenceIndexes(R);
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    bool Bug = F.Class == FindingClass::Bug;
    std::string File = Paths.relative(F.Pos.File);
    Json J;
    J["type"] = "issue";
    J["check_name"] = F.Check;
    J["description"] = F.Message;
    J["categories"] = Json::array({Bug ? "Bug Risk" : "Performance"});
    J["severity"] = Bug ? "major" : "minor";
    J["fingerprint"] = F.Fingerprint + ":" + std::to_string(Occurrence[I]);
    J["location"] = {{"path", File.empty() ? F.Pos.File : File},
                     {"lines", {{"begin", F.Pos.Line}}}};
    Issues.push_back(std::move(J));
  }
  OS << Issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << "\n";
}

} // namespace escape
