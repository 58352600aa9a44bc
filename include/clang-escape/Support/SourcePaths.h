//===- SourcePaths.h - How file names are shown and compared ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_SOURCEPATHS_H
#define CLANG_ESCAPE_SUPPORT_SOURCEPATHS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace escape {

/// The source root of a run and the files the user named: file names are
/// printed as the user gave them, and identified relative to the root (in
/// fingerprints, baselines and SARIF URIs) so that they do not depend on
/// where the checkout is.
class SourcePaths {
public:
  SourcePaths() = default;
  /// \p Root is made absolute with symlinks resolved; \p Given are the
  /// files as typed on the command line.
  SourcePaths(llvm::StringRef Root, const std::vector<std::string> &Given);

  /// The root, absolute, without a trailing slash.
  const std::string &root() const { return Root; }

  /// Files below \p Other are also relative to the root, as if \p Other
  /// were it: another checkout of the same sources.
  void addAlias(llvm::StringRef Other);

  /// \p File relative to the root (or an alias) with '/' separators, or ""
  /// when it is not below it.
  std::string relative(llvm::StringRef File) const;

  /// \p File as the user named it on the command line; otherwise relative
  /// to the root when below it; otherwise unchanged.
  std::string shown(llvm::StringRef File) const;

private:
  std::string Root;
  std::vector<std::string> Aliases;
  /// Canonical path -> the spelling the user gave.
  llvm::StringMap<std::string> GivenAs;
  /// canonicalPath() costs a system call; reports repeat their files.
  mutable llvm::StringMap<std::string> Canonical;
  const std::string &canonical(llvm::StringRef File) const;
};

/// \p Path absolute, without dots, with symlinks resolved when it exists.
std::string canonicalPath(llvm::StringRef Path);

} // namespace escape

#endif
