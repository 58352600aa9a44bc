//===- TidyConfig.h - The escape-* part of a .clang-tidy file ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A project configures clang-escape once, in .clang-tidy: clang-tidy reads
// it for the module, and the CLI reads the same keys (docs/ClangTidy.md).
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_TIDYCONFIG_H
#define CLANG_ESCAPE_FRONTEND_TIDYCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>

namespace escape {

/// What clang-escape takes from one .clang-tidy file.
struct TidyConfig {
  std::string Path;
  /// The Checks list, if the file sets one.
  std::optional<std::string> Checks;
  /// CheckOptions, by full key ("escape-stack-candidate.MaxBytes",
  /// "ReportMaybe").
  std::map<std::string, std::string> Options;

  /// The value of \p Check's option \p Name, or of the global \p Name.
  std::optional<std::string> localOrGlobal(llvm::StringRef Check,
                                           llvm::StringRef Name) const;
  /// The same, read as clang-tidy reads a boolean or an integer.
  bool flag(llvm::StringRef Check, llvm::StringRef Name) const;
  std::optional<uint64_t> number(llvm::StringRef Check,
                                 llvm::StringRef Name) const;
};

/// Parses the text of a .clang-tidy file; \p Path names it in errors.
llvm::Expected<TidyConfig> parseTidyConfig(llvm::StringRef Text,
                                           llvm::StringRef Path);

/// The .clang-tidy nearest to \p File (in its directory or a parent),
/// parsed; std::nullopt when there is none.
llvm::Expected<std::optional<TidyConfig>> findTidyConfig(llvm::StringRef File);

} // namespace escape

#endif
