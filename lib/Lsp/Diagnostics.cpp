//===- Diagnostics.cpp - Findings as LSP diagnostics ----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "Uri.h"

#include "clang-escape/Output/Emitters.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace escape {
namespace lsp {

namespace {

/// LSP's DiagnosticSeverity.
enum Severity { Warning = 2, Information = 3, Hint = 4 };

bool isIdentifierByte(char C) { return llvm::isAlnum(C) || C == '_'; }

} // namespace

llvm::StringRef PositionMap::line(const std::string &File, unsigned Line0) {
  if (File == A.Path)
    return lineOf(A.Text, Line0);
  auto It = Texts.find(File);
  if (It == Texts.end()) {
    std::string Text;
    if (auto Buf = A.FS->getBufferForFile(File))
      Text = (*Buf)->getBuffer().str();
    It = Texts.emplace(File, std::move(Text)).first;
  }
  return lineOf(It->second, Line0);
}

nlohmann::json PositionMap::pointAt(const std::string &File, unsigned Line0,
                                    size_t Column0) {
  unsigned C = columnOfBytes(line(File, Line0), Column0, E);
  nlohmann::json P = {{"line", Line0}, {"character", C}};
  return {{"start", P}, {"end", P}};
}

nlohmann::json PositionMap::rangeAt(const SourcePos &P) {
  unsigned Line0 = P.Line ? P.Line - 1 : 0;
  llvm::StringRef Text = line(P.File, Line0);
  size_t Begin = std::min<size_t>(P.Column ? P.Column - 1 : 0, Text.size());
  size_t End = Begin;
  while (End < Text.size() && isIdentifierByte(Text[End]))
    ++End;
  // Not an identifier ('&', '['): the one character, whole in UTF-8.
  if (End == Begin && End < Text.size())
    do
      ++End;
    while (End < Text.size() && (Text[End] & 0xC0) == 0x80);
  return {
      {"start",
       {{"line", Line0}, {"character", columnOfBytes(Text, Begin, E)}}},
      {"end", {{"line", Line0}, {"character", columnOfBytes(Text, End, E)}}}};
}

std::string checkDocsBase(llvm::StringRef Executable) {
  // bin/../share/doc/clang-escape/checks, as installed.
  llvm::SmallString<256> Installed(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Executable)));
  llvm::sys::path::append(Installed, "share", "doc", "clang-escape", "checks");
  if (llvm::sys::fs::is_directory(Installed))
    return uriOfPath(Installed);
  return uriOfPath(CLANG_ESCAPE_SOURCE_DIR "/docs/checks");
}

nlohmann::json diagnosticOf(const Finding &F, PositionMap &Map,
                            const std::string &DocsBase) {
  nlohmann::json D = {
      {"range", Map.rangeAt(F.Pos)},
      {"severity", F.Class == FindingClass::Bug ? Warning : Information},
      {"code", F.Check},
      {"codeDescription", {{"href", DocsBase + "/" + F.Check + ".md"}}},
      {"source", "clang-escape"},
      {"message", F.Message}};
  nlohmann::json Related = nlohmann::json::array();
  for (const FindingNote &N : findingNotes(F)) {
    if (!N.Pos.valid() || N.Pos.File.empty())
      continue;
    Related.push_back(
        {{"location",
          {{"uri", uriOfPath(N.Pos.File)}, {"range", Map.rangeAt(N.Pos)}}},
         {"message", N.Text}});
  }
  if (!Related.empty())
    D["relatedInformation"] = std::move(Related);
  return D;
}

nlohmann::json diagnosticOf(const FixIt &X, PositionMap &Map) {
  return {{"range", Map.rangeAt(X.At)},
          {"severity", Hint},
          {"code", X.Check},
          {"source", "clang-escape"},
          {"message", X.Message}};
}

nlohmann::json diagnosticsOf(const FileAnalysis &A, Encoding E,
                             const std::string &DocsBase) {
  PositionMap Map(A, E);
  nlohmann::json Out = nlohmann::json::array();
  for (const Finding &F : A.Rep.Findings)
    if (F.Pos.File == A.Path && F.Pos.valid())
      Out.push_back(diagnosticOf(F, Map, DocsBase));
  // Shown as the CLI shows them: with --suggest-annotations only.
  if (A.SuggestAnnotations)
    for (const FixIt &X : A.Rep.FixIts)
      if (X.At.File == A.Path && X.At.valid())
        Out.push_back(diagnosticOf(X, Map));
  return Out;
}

} // namespace lsp
} // namespace escape
