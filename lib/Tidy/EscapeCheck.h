//===- EscapeCheck.h - clang-escape as clang-tidy checks --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_TIDY_ESCAPECHECK_H
#define CLANG_ESCAPE_TIDY_ESCAPECHECK_H

#include "clang-tidy/ClangTidyCheck.h"

#include <cstdint>
#include <string>

namespace escape {

struct AnalysisResult;

/// What one escape-* check reads from CheckOptions.
struct CheckSettings {
  /// Also report findings that rest on a conservative assumption.
  bool ReportMaybe = false;
  /// escape-oversized-frame: the per-local and per-frame limits.
  uint64_t MaxLocalBytes = 64 * 1024;
  uint64_t MaxFrameBytes = 128 * 1024;
  /// escape-stack-candidate: the largest allocation reported.
  uint64_t MaxBytes = 64 * 1024;
  /// escape-annotate-*: report the proven annotations (with fix-its).
  bool SuggestAnnotations = false;
  /// Of the whole analysis (global keys): extra model files
  /// (';'-separated), whether to skip the shipped one, and where the cache is.
  std::string ModelFiles;
  bool NoDefaultModels = false;
  /// The build directory whose compile_commands.json and cache (written by
  /// `clang-escape -p`) give the rest of the program.
  std::string BuildDirectory;
};

/// One of the escape-* checks of the CLI (Report/CheckCatalog.h). Every
/// enabled check exists, but the analysis runs once per translation unit:
/// the first enabled check in catalogue order calls the core and reports
/// each finding under its own check name.
class EscapeCheck : public clang::tidy::ClangTidyCheck {
public:
  EscapeCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &L) const override {
    return L.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  bool leads() const;
  CheckSettings settingsOf(llvm::StringRef Check) const;
  void report(const AnalysisResult &R);

  clang::tidy::ClangTidyContext *Context;
  std::string Name;
  CheckSettings Own;
  clang::ASTContext *AST = nullptr;
};

} // namespace escape

#endif
