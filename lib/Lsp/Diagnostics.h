//===- Diagnostics.h - Findings as LSP diagnostics --------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The LSP rendering of a Report, next to the text, SARIF and JSON emitters:
// code is the check, codeDescription its page in docs/checks, severity by
// class (bug: warning, perf: information, a proven annotation: hint), and
// the notes every surface prints (findingNotes) as relatedInformation.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_DIAGNOSTICS_H
#define CLANG_ESCAPE_LIB_LSP_DIAGNOSTICS_H

#include "FileAnalysis.h"
#include "PositionEncoding.h"

#include <nlohmann/json.hpp>

#include <string>

namespace escape {
namespace lsp {

/// Positions of one analysis in LSP terms: lines of the analyzed buffer, or
/// of other files as the analysis saw them.
class PositionMap {
public:
  PositionMap(const FileAnalysis &A, Encoding E) : A(A), E(E) {}
  /// The range of the token at \p P (an identifier, else one character).
  nlohmann::json rangeAt(const SourcePos &P);
  /// An empty range at the byte \p Column0 (0-based) of line \p Line0.
  nlohmann::json pointAt(const std::string &File, unsigned Line0,
                         size_t Column0);
  /// Line \p Line0 of \p File.
  llvm::StringRef line(const std::string &File, unsigned Line0);

private:
  const FileAnalysis &A;
  Encoding E;
  std::map<std::string, std::string> Texts;
};

/// Where the check pages are, as a URI prefix (".../docs/checks"): those
/// installed beside \p Executable, else the source tree's.
std::string checkDocsBase(llvm::StringRef Executable);

/// The diagnostic of finding \p F (which is in A.Path).
nlohmann::json diagnosticOf(const Finding &F, PositionMap &Map,
                            const std::string &DocsBase);
/// The hint for proven annotation \p X.
nlohmann::json diagnosticOf(const FixIt &X, PositionMap &Map);

/// Every diagnostic of \p A in its file, in report order.
nlohmann::json diagnosticsOf(const FileAnalysis &A, Encoding E,
                             const std::string &DocsBase);

} // namespace lsp
} // namespace escape

#endif
