//===- CodeActions.cpp - Quick fixes for findings -------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "CodeActions.h"
#include "Diagnostics.h"

#include <set>

namespace escape {
namespace lsp {

namespace {

bool inLines(const SourcePos &P, const FileAnalysis &A, unsigned First,
             unsigned Last) {
  return P.valid() && P.File == A.Path && P.Line - 1 >= First &&
         P.Line - 1 <= Last;
}

nlohmann::json quickFix(std::string Title, const std::string &Uri,
                        nlohmann::json Range, std::string NewText,
                        nlohmann::json Diagnostic) {
  nlohmann::json Edit = {{"range", std::move(Range)},
                         {"newText", std::move(NewText)}};
  return {{"title", std::move(Title)},
          {"kind", "quickfix"},
          {"diagnostics", nlohmann::json::array({std::move(Diagnostic)})},
          {"edit", {{"changes", {{Uri, nlohmann::json::array({Edit})}}}}}};
}

} // namespace

nlohmann::json codeActionsFor(const FileAnalysis &A, const std::string &Uri,
                              unsigned FirstLine, unsigned LastLine, Encoding E,
                              const std::string &DocsBase) {
  PositionMap Map(A, E);
  nlohmann::json Out = nlohmann::json::array();
  for (const FixIt &X : A.Rep.FixIts) {
    if (!inLines(X.At, A, FirstLine, LastLine))
      continue;
    nlohmann::json Action =
        quickFix("Add" + X.Text + " (proven by clang-escape)", Uri,
                 Map.pointAt(A.Path, X.At.Line - 1, X.At.Column - 1), X.Text,
                 diagnosticOf(X, Map));
    Action["isPreferred"] = true;
    Out.push_back(std::move(Action));
  }
  // One comment per line and check, however many findings it has there.
  std::set<std::pair<unsigned, std::string>> Offered;
  for (const Finding &F : A.Rep.Findings) {
    if (!inLines(F.Pos, A, FirstLine, LastLine) ||
        !Offered.insert({F.Pos.Line, F.Check}).second)
      continue;
    unsigned Line0 = F.Pos.Line - 1;
    llvm::StringRef Text = Map.line(A.Path, Line0);
    // Before a '\r' that ends the line.
    size_t End = Text.ends_with("\r") ? Text.size() - 1 : Text.size();
    Out.push_back(quickFix("Suppress " + F.Check + " on this line (NOLINT)",
                           Uri, Map.pointAt(A.Path, Line0, End),
                           " // NOLINT(" + F.Check + ")",
                           diagnosticOf(F, Map, DocsBase)));
  }
  return Out;
}

} // namespace lsp
} // namespace escape
