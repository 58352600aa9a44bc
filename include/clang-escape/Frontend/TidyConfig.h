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

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace escape {

/// What clang-escape takes from one .clang-tidy file.
struct TidyConfig {
  std::string Path;
  /// The Checks list, if the file sets one.
  std::optional<std::string> Checks;
  /// HeaderFilterRegex, if the file sets it.
  std::optional<std::string> HeaderFilter;
  /// SystemHeaders, if the file sets it.
  std::optional<bool> SystemHeaders;
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

struct Report;
struct AnalysisOptions;

/// What a surface outside clang-tidy (the CLI, the plugin) was given on its
/// own command line; unset values come from the .clang-tidy.
struct SurfaceSettings {
  std::string Checks; ///< globs, applied after the file's Checks.
  std::optional<std::string> HeaderFilter;
  bool SystemHeaders = false;
  std::optional<uint64_t> MaxLocalBytes, MaxFrameBytes, MaxStackCandidateBytes;
  bool ReportMaybe = false;
  bool SuggestAnnotations = false;
  bool NoDefaultModels = false;
  std::vector<std::string> ModelFiles;
};

/// The settings a run uses: the command line's, completed from the file.
struct RunSettings {
  std::string Checks = "escape-*";
  /// The headers whose functions are reported too (a regex; empty: none).
  std::string HeaderFilter;
  /// System headers HeaderFilter matches are the program's own.
  bool SystemHeaders = false;
  uint64_t MaxLocalBytes = 64 * 1024;
  uint64_t MaxFrameBytes = 128 * 1024;
  uint64_t MaxStackCandidateBytes = 64 * 1024;
  bool SuggestAnnotations = false;
  bool NoDefaultModels = false;
  std::vector<std::string> ModelFiles;
  /// Maybe-findings: of every check, or of these.
  bool AllMaybe = false;
  std::set<std::string> MaybeChecks;

  bool anyMaybe() const { return AllMaybe || !MaybeChecks.empty(); }
  /// True if Checks leaves any check on (a project's `Checks: '-*,...'`
  /// may turn every one off).
  bool enablesAny() const;
  /// Sets the analysis' limits and maybe-findings from these settings (the
  /// model files are the caller's to load).
  void applyTo(AnalysisOptions &A) const;
  /// Removes the findings (and fix-its) the checks, ReportMaybe or NOLINT
  /// comments leave out; the comments are read through \p FS when given.
  void
  filter(Report &R,
         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = nullptr) const;
};

/// Completes \p S from \p Config (may be null) as clang-tidy would.
RunSettings resolveSettings(const SurfaceSettings &S, const TidyConfig *Config);

} // namespace escape

#endif
