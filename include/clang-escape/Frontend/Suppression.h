//===- Suppression.h - Which findings a project asked not to see -*- C++ -*-=//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// clang-tidy's configuration, for the surfaces that do not run inside
// clang-tidy (the CLI, the compiler plugin): its check globs and its NOLINT
// comments mean the same there.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_SUPPRESSION_H
#define CLANG_ESCAPE_FRONTEND_SUPPRESSION_H

#include "clang-escape/Report/Finding.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace escape {

/// A clang-tidy check list: comma-separated globs ('*' matches anything), a
/// leading '-' removes; the last glob that matches a name decides.
class CheckGlobs {
public:
  explicit CheckGlobs(llvm::StringRef List);
  bool contains(llvm::StringRef Check) const;

private:
  std::vector<std::pair<bool, std::string>> Globs;
};

/// clang-tidy's suppression comments in the files findings point into:
/// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN ... NOLINTEND, each alone (every
/// check) or with a list of check globs in parentheses.
class NoLintComments {
public:
  /// Reads the files through \p FS (an editor's unsaved buffers), or from
  /// disk when null.
  explicit NoLintComments(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = nullptr)
      : FS(std::move(FS)) {}
  /// Whether a comment suppresses \p Check at \p P.
  bool suppresses(const SourcePos &P, llvm::StringRef Check);

private:
  struct Region {
    unsigned Begin = 0, End = 0; ///< lines, both exclusive of the finding.
    std::string Checks;
  };
  struct FileComments {
    /// The file's text, and its lines as views of it.
    std::unique_ptr<llvm::MemoryBuffer> Text;
    std::vector<llvm::StringRef> Lines;
    std::vector<Region> Regions;
  };
  const FileComments &load(const std::string &File);

  llvm::StringMap<FileComments> Files;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
};

/// Removes from \p R the findings and fix-its whose check \p Enabled does
/// not contain or that a NOLINT comment suppresses (read through \p FS when
/// given); returns how many.
unsigned
applySuppressions(Report &R, const CheckGlobs &Enabled,
                  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = nullptr);

} // namespace escape

#endif
