//===- DiffBase.h - Analyze the merge base in a git worktree ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_DIFFBASE_H
#define CLANG_ESCAPE_FRONTEND_DIFFBASE_H

#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Support/SourcePaths.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace escape {

/// The findings of the merge base, fingerprinted like the current ones.
struct BaseAnalysis {
  std::string Commit;
  Report Rep;
  /// The worktree's root, under which the same relative names hold.
  SourcePaths Paths;
  /// Files of the base that did not compile cleanly, and other problems.
  std::vector<std::string> Warnings;
  /// Translation units of the base parsed, and taken from the shared cache.
  unsigned Extracted = 0;
  unsigned Cached = 0;
};

/// Checks out the merge base of \p Rev and HEAD in a temporary git worktree
/// of the repository that holds \p Paths' root, analyzes there the files of
/// \p Files that exist in it, with \p DB's commands rewritten to the
/// worktree and the cache of \p Opts shared (an unchanged file is not
/// parsed again), and removes the worktree.
llvm::Expected<BaseAnalysis>
analyzeMergeBase(llvm::StringRef Rev, const SourcePaths &Paths,
                 const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files,
                 const AnalysisOptions &Opts);

} // namespace escape

#endif
