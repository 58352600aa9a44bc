//===- GraphBuilder.h - Lower a translation unit to escape graphs -*- C++
//-*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_BUILD_GRAPHBUILDER_H
#define CLANG_ESCAPE_BUILD_GRAPHBUILDER_H

#include "clang-escape/Graph/EscapeGraph.h"

#include <cstdint>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace escape {

class ModelTable;

/// Limits and switches of the lowering.
struct BuildOptions {
  /// A local larger than this is an oversized-frame finding.
  uint64_t MaxLocalBytes = 64 * 1024;
  /// A frame larger than this is an oversized-frame finding.
  uint64_t MaxFrameBytes = 128 * 1024;
  /// Largest allocation reported as a stack candidate.
  uint64_t MaxStackCandidateBytes = 64 * 1024;
  /// Functions defined in non-system headers whose path matches this
  /// regular expression are reported too (clang-tidy's --header-filter);
  /// empty: only the main file's.
  std::string HeaderFilter;
  /// Headers included as system headers (`-isystem`) that HeaderFilter
  /// matches are the program's own: analyzed and reported (clang-tidy's
  /// --system-headers). Otherwise a system header is a library's.
  bool SystemHeaders = false;
  /// Models of functions whose bodies are not analyzed; may be null.
  const ModelTable *Models = nullptr;
  /// Per-function budget of the lowering, in steps (expressions and
  /// statements visited) and in graph size (locations plus edges). A
  /// function past either is analyzed conservatively and named in a remark.
  uint64_t MaxSteps = 2000000;
  uint64_t MaxGraphSize = 200000;
  /// When set, holds the name of the function being lowered (for a report
  /// of a crash) and is cleared when the lowering ends.
  std::string *Current = nullptr;
  /// Testing only: crash when lowering the function of this name
  /// (`--debug-crash-on`), to exercise the crash reports.
  std::string CrashOn;
};

/// Lowers every function defined in the main file of \p Ctx, and every
/// function with a body in a non-system header that those call, to escape
/// graphs. Library callees get model summaries attached to their call sites.
std::vector<FunctionGraph> buildGraphs(clang::ASTContext &Ctx,
                                       const BuildOptions &Opts);

} // namespace escape

#endif
