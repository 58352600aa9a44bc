//===- FindingLocation.h - Positions back to source locations ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_FINDINGLOCATION_H
#define CLANG_ESCAPE_FRONTEND_FINDINGLOCATION_H

#include "clang-escape/Graph/EscapeGraph.h"

#include "clang/Basic/SourceLocation.h"

namespace clang {
class SourceManager;
} // namespace clang

namespace escape {

/// The location of \p P in the translation unit \p SM holds, for a host
/// that reports through Clang's diagnostics; invalid if the file is not
/// part of it.
clang::SourceLocation locationOf(clang::SourceManager &SM, const SourcePos &P);

/// \p Text as a diagnostic format string: Clang expands '%'.
std::string asDiagnosticText(const std::string &Text);

} // namespace escape

#endif
