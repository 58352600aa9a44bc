//===- JsonEmitter.cpp - The versioned JSON report ------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Support/Version.h"

#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

namespace escape {

void emitJson(const Report &R, llvm::raw_ostream &OS,
              const SourcePaths *Paths) {
  auto Shown = [&](const std::string &File) {
    return Paths ? Paths->shown(File) : File;
  };
  nlohmann::ordered_json Findings = nlohmann::ordered_json::array();
  for (const Finding &F : R.Findings) {
    nlohmann::ordered_json Flow = nlohmann::ordered_json::array();
    for (const Note &N : F.Flow) {
      nlohmann::ordered_json Step;
      Step["note"] = N.Why;
      Step["expr"] = N.What;
      if (N.Pos.valid()) {
        Step["file"] = Shown(N.Pos.File);
        Step["line"] = N.Pos.Line;
        Step["column"] = N.Pos.Column;
      }
      Flow.push_back(std::move(Step));
    }
    nlohmann::ordered_json J;
    J["check"] = F.Check;
    J["class"] = F.className();
    J["severity"] = F.severity();
    J["confidence"] = F.confidence();
    J["file"] = Shown(F.Pos.File);
    J["line"] = F.Pos.Line;
    J["column"] = F.Pos.Column;
    J["function"] = F.Function;
    J["subject"] = F.Subject;
    J["sink"] = F.Sink;
    J["message"] = F.Message;
    J["fingerprint"] = F.Fingerprint;
    J["flow"] = std::move(Flow);
    Findings.push_back(std::move(J));
  }
  nlohmann::ordered_json Doc;
  Doc["version"] = JsonSchemaVersion;
  Doc["tool"] = {{"name", "clang-escape"}, {"version", CLANG_ESCAPE_VERSION}};
  Doc["findings"] = std::move(Findings);
  // Invalid UTF-8 in source text is replaced rather than thrown on.
  OS << Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << "\n";
}

} // namespace escape
