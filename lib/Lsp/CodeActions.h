//===- CodeActions.h - Quick fixes for findings -----------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Two kinds: a NOLINT(<check>) comment at the end of a finding's line (the
// suppression every surface honours), and the annotations the analysis
// proved (the fix-its --export-fixes writes), inserted where they belong.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_CODEACTIONS_H
#define CLANG_ESCAPE_LIB_LSP_CODEACTIONS_H

#include "FileAnalysis.h"
#include "PositionEncoding.h"

#include <nlohmann/json.hpp>

#include <string>

namespace escape {
namespace lsp {

/// The code actions for lines \p FirstLine..\p LastLine (0-based, both
/// included) of the analyzed buffer \p A, whose URI is \p Uri.
nlohmann::json codeActionsFor(const FileAnalysis &A, const std::string &Uri,
                              unsigned FirstLine, unsigned LastLine, Encoding E,
                              const std::string &DocsBase);

} // namespace lsp
} // namespace escape

#endif
