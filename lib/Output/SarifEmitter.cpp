//===- SarifEmitter.cpp - SARIF 2.1.0 for code scanning -------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The subset GitHub code scanning reads, validated by the SARIF multitool
// (test/Output/sarif-validate.test): every result has a physical location
// with a full region, since one without fails the whole upload; our own
// fingerprint goes under its own key, because GitHub computes
// primaryLocationLineHash itself and warns when a supplied one differs.
//
//===----------------------------------------------------------------------===//
#include "CheckDocs.h"

#include "clang-escape/Gate/Fingerprint.h"
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Support/SourceLines.h"
#include "clang-escape/Support/Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <nlohmann/json.hpp>

namespace escape {

namespace {

using Json = nlohmann::ordered_json;

/// Percent-encodes what may not appear in a URI path.
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Out.push_back(C);
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

/// Brackets and backslashes are markup in SARIF message text, which may
/// hold links to related locations.
std::string escapeMarkup(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '[' || C == ']' || C == '\\')
      Out.push_back('\\');
    Out.push_back(C);
  }
  return Out;
}

/// escape-return -> EscapeReturn: SARIF wants a readable name that is not
/// the id.
std::string ruleName(llvm::StringRef Check) {
  std::string Out;
  bool Upper = true;
  for (char C : Check) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out.push_back(Upper ? llvm::toUpper(C) : C);
    Upper = false;
  }
  return Out;
}

class Writer {
public:
  Writer(const SarifRun &Run) : Run(Run) {}

  Json artifact(const std::string &File) {
    std::string Rel = Run.Paths.relative(File);
    if (!Rel.empty())
      return {{"uri", uriPath(Rel)}, {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", "file://" + uriPath(canonicalPath(File))}};
  }

  /// A region from the position to the end of \p Text when the source has
  /// it there, else to the end of the line's code.
  Json region(const SourcePos &P, llvm::StringRef Text) {
    llvm::StringRef L = Lines.line(P.File, P.Line);
    unsigned Col = std::max(P.Column, 1u);
    unsigned End = Col + 1;
    if (!Text.empty() && L.size() >= Col - 1 &&
        L.substr(Col - 1).starts_with(Text))
      End = Col + Text.size();
    else if (L.rtrim().size() + 1 > Col)
      End = L.rtrim().size() + 1;
    // A region must start on a line; a position without one (never
    // expected) is put on the first rather than fail the whole upload.
    unsigned Line = std::max(P.Line, 1u);
    return {{"startLine", Line},
            {"startColumn", Col},
            {"endLine", Line},
            {"endColumn", End}};
  }

  Json physical(const SourcePos &P, llvm::StringRef Text = "") {
    return {{"physicalLocation",
             {{"artifactLocation", artifact(P.File)},
              {"region", region(P, Text)}}}};
  }

  Json rule(const std::string &Check, bool Bug) {
    const CheckDoc *D = findCheckDoc(Check);
    std::string Summary = D ? D->Summary : "Reported by clang-escape.";
    std::string Text = D ? D->Markdown : Summary;
    Json Tags = Json::array({Bug ? "correctness" : "performance",
                             "escape-analysis", "memory-safety"});
    if (!Bug)
      Tags.erase(2);
    Json R;
    R["id"] = Check;
    R["name"] = ruleName(Check);
    R["shortDescription"] = {{"text", Summary}};
    R["fullDescription"] = {{"text", D ? D->Description : Summary}};
    R["help"] = {{"text", Text}, {"markdown", Text}};
    R["defaultConfiguration"] = {{"level", Bug ? "warning" : "note"}};
    R["properties"] = {
        {"tags", std::move(Tags)},
        {"precision", Bug ? "high" : "medium"},
        {"problem.severity", Bug ? "warning" : "recommendation"}};
    return R;
  }

  Json result(const Finding &F, unsigned RuleIndex, unsigned Occurrence,
              size_t Index) {
    std::string Statement;
    for (const Note &N : F.Flow)
      if (N.Pos.Line == F.Pos.Line && N.Pos.Column == F.Pos.Column &&
          N.Pos.File == F.Pos.File)
        Statement = N.What;
    Json R;
    R["ruleId"] = F.Check;
    R["ruleIndex"] = RuleIndex;
    R["level"] = F.Class == FindingClass::Bug ? "warning" : "note";
    std::string Message = escapeMarkup(F.Message);
    bool Declared = F.SubjectPos.valid() && !F.Subject.empty();
    if (Declared)
      Message += " ('" + escapeMarkup(F.Subject) + "' is [declared here](1))";
    R["message"] = {{"text", Message}};
    R["locations"] = Json::array({physical(F.Pos, Statement)});
    if (Declared) {
      Json Decl = physical(F.SubjectPos, F.Subject);
      Decl["id"] = 1;
      Decl["message"] = {{"text", subjectNote(F)}};
      R["relatedLocations"] = Json::array({std::move(Decl)});
    }
    Json Steps = Json::array();
    for (const Note &N : F.Flow) {
      // A step inside a callee names its own position in its text.
      Json Where = physical(N.Pos.valid() ? N.Pos : F.Pos,
                            N.Pos.valid() ? llvm::StringRef(N.What) : "");
      Where["message"] = {
          {"text", N.What.empty() ? N.Why : N.Why + ": " + N.What}};
      Steps.push_back({{"location", std::move(Where)}});
    }
    if (!Steps.empty())
      R["codeFlows"] =
          Json::array({{{"threadFlows",
                         Json::array({{{"locations", std::move(Steps)}}})}}});
    R["partialFingerprints"] = {
        {FingerprintKey, F.Fingerprint + ":" + std::to_string(Occurrence)}};
    if (Run.Against) {
      bool New = Run.Against->isNew(Index);
      R["baselineState"] = New ? "new" : "unchanged";
      if (!New) {
        Json S = {{"kind", "external"}, {"status", "accepted"}};
        const std::string &Why = Run.Against->Justifications[Index];
        if (!Why.empty())
          S["justification"] = Why;
        R["suppressions"] = Json::array({std::move(S)});
      }
    }
    R["properties"] = {{"function", F.Function},
                       {"subject", F.Subject},
                       {"sink", F.Sink},
                       {"confidence", F.confidence()}};
    return R;
  }

  Json invocation() {
    Json Notes = Json::array();
    auto Notify = [&](const std::string &File, const char *Id,
                      const std::string &Text) {
      Json N;
      N["descriptor"] = {{"id", Id}};
      N["level"] = "error";
      N["message"] = {{"text", Text}};
      N["locations"] = Json::array(
          {{{"physicalLocation", {{"artifactLocation", artifact(File)}}}}});
      Notes.push_back(std::move(N));
    };
    for (const std::string &F : Run.FilesWithErrors)
      Notify(F, "compile-error",
             "'" + Run.Paths.shown(F) +
                 "' did not compile cleanly; its findings are partial");
    for (const std::string &F : Run.Skipped)
      Notify(F, "timeout",
             "'" + Run.Paths.shown(F) +
                 "' was skipped: its analysis ran out of time");
    Json I;
    I["executionSuccessful"] = Notes.empty();
    if (!Notes.empty())
      I["toolExecutionNotifications"] = std::move(Notes);
    return I;
  }

private:
  const SarifRun &Run;
  SourceLines Lines;
};

} // namespace

void emitSarif(const Report &R, const SarifRun &Run, llvm::raw_ostream &OS) {
  Writer W(Run);
  // Every documented check is a rule, whether or not it fired, so that a
  // consumer knows what a clean run looked for.
  std::map<std::string, bool> Checks;
  for (const CheckDoc &D : checkDocs())
    Checks.emplace(D.Name, D.Bug);
  for (const Finding &F : R.Findings)
    Checks.emplace(F.Check, F.Class == FindingClass::Bug);
  Json Rules = Json::array();
  std::map<std::string, unsigned> RuleIndex;
  for (const auto &[Check, Bug] : Checks) {
    RuleIndex[Check] = Rules.size();
    Rules.push_back(W.rule(Check, Bug));
  }
  Json Results = Json::array();
  std::vector<unsigned> Occurrence = occurrenceIndexes(R);
  for (size_t I = 0; I < R.Findings.size(); ++I)
    Results.push_back(W.result(R.Findings[I], RuleIndex[R.Findings[I].Check],
                               Occurrence[I], I));

  Json Driver;
  Driver["name"] = "clang-escape";
  Driver["version"] = CLANG_ESCAPE_VERSION;
  Driver["semanticVersion"] = CLANG_ESCAPE_VERSION;
  Driver["informationUri"] = CLANG_ESCAPE_INFORMATION_URI;
  Driver["rules"] = std::move(Rules);
  Json RunJ;
  RunJ["tool"] = {{"driver", std::move(Driver)}};
  RunJ["automationDetails"] = {{"id", Run.AutomationId}};
  std::string Root = uriPath(Run.Paths.root());
  if (Root.empty() || Root.back() != '/')
    Root += '/';
  RunJ["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + Root}}}};
  RunJ["invocations"] = Json::array({W.invocation()});
  RunJ["results"] = std::move(Results);
  Json Doc;
  Doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  Doc["version"] = "2.1.0";
  Doc["runs"] = Json::array({std::move(RunJ)});
  OS << Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << "\n";
}

} // namespace escape
