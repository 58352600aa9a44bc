//===- EscapeCheck.cpp - clang-escape as clang-tidy checks ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A thin surface: options in, the core's Report out as diagnostics. The
// analysis is the CLI's (Frontend/Driver.h, analyzeParsedTU).
//
//===----------------------------------------------------------------------===//
#include "EscapeCheck.h"

#include "clang-escape/Build/ModelTable.h"
#include "clang-escape/Frontend/CacheSalt.h"
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Frontend/FindingLocation.h"
#include "clang-escape/Frontend/ModelFiles.h"
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Report/CheckCatalog.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;
using clang::tidy::ClangTidyCheck;

namespace escape {

namespace {

CheckKind kindOf(llvm::StringRef Check) {
  for (const CheckInfo &C : CheckCatalog)
    if (Check == C.Name)
      return C.Kind;
  return CheckKind::Bug;
}

/// Reads the options \p Check has; reading them is also what makes them
/// known to --verify-config.
CheckSettings readSettings(llvm::StringRef Check,
                           const ClangTidyCheck::OptionsView &O) {
  CheckSettings S;
  switch (kindOf(Check)) {
  case CheckKind::Bug:
    S.ReportMaybe = O.getLocalOrGlobal("ReportMaybe", false);
    break;
  case CheckKind::Perf:
    if (Check == "escape-oversized-frame") {
      S.MaxLocalBytes = O.get("MaxLocalBytes", S.MaxLocalBytes);
      S.MaxFrameBytes = O.get("MaxFrameBytes", S.MaxFrameBytes);
    } else if (Check == "escape-stack-candidate") {
      S.MaxBytes = O.get("MaxBytes", S.MaxBytes);
    }
    break;
  case CheckKind::Annotation:
    S.SuggestAnnotations = O.getLocalOrGlobal("SuggestAnnotations", false);
    break;
  }
  S.ModelFiles = O.getLocalOrGlobal("ModelFiles", "").str();
  S.NoDefaultModels = O.getLocalOrGlobal("NoDefaultModels", false);
  S.BuildDirectory = O.getLocalOrGlobal("BuildDirectory", "").str();
  return S;
}

/// Anchors objectPathOf to this loaded object.
void anchor() {}

} // namespace

EscapeCheck::EscapeCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Context(Context), Name(Name.str()),
      Own(readSettings(Name, Options)) {}

bool EscapeCheck::leads() const {
  for (const CheckInfo &C : CheckCatalog)
    if (Context->isCheckEnabled(C.Name))
      return Name == C.Name;
  return false;
}

CheckSettings EscapeCheck::settingsOf(llvm::StringRef Check) const {
  if (Check == Name)
    return Own;
  return readSettings(
      Check, OptionsView(Check, Context->getOptions().CheckOptions, Context));
}

void EscapeCheck::registerMatchers(MatchFinder *Finder) {
  if (leads())
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EscapeCheck::check(const MatchFinder::MatchResult &R) { AST = R.Context; }

void EscapeCheck::onEndOfTranslationUnit() {
  if (!AST)
    return;
  ModelTable Models;
  std::vector<std::string> Extra;
  llvm::SmallVector<llvm::StringRef> Parts;
  llvm::StringRef(Own.ModelFiles).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    Extra.push_back(P.trim().str());
  if (llvm::Error E = loadModelFiles(
          Models, Own.NoDefaultModels ? "" : objectPathOf((void *)&anchor),
          Extra)) {
    configurationDiag("%0", DiagnosticIDs::Error)
        << llvm::toString(std::move(E));
    AST = nullptr;
    return;
  }
  AnalysisOptions Opts;
  Opts.Build.Models = &Models;
  CheckSettings Frame = settingsOf("escape-oversized-frame");
  Opts.Build.MaxLocalBytes = Frame.MaxLocalBytes;
  Opts.Build.MaxFrameBytes = Frame.MaxFrameBytes;
  Opts.Build.MaxStackCandidateBytes = Opts.Report.MaxStackCandidateBytes =
      settingsOf("escape-stack-candidate").MaxBytes;
  // Functions of the headers clang-tidy shows diagnostics in are reported
  // too; clang-tidy then filters by its own --header-filter as for any
  // check. System headers are the program's own with its --system-headers
  // (those the filter matches); otherwise they are never analyzed.
  if (const std::optional<std::string> &H =
          Context->getOptions().HeaderFilterRegex;
      H && !H->empty() && llvm::Regex(*H).isValid())
    Opts.Build.HeaderFilter = *H;
  Opts.Build.SystemHeaders =
      Context->getOptions().SystemHeaders.value_or(false);
  // Made if an enabled check wants them; filtered per check when reported.
  for (const CheckInfo &C : CheckCatalog)
    if (Context->isCheckEnabled(C.Name) && settingsOf(C.Name).ReportMaybe)
      Opts.Report.IncludeMaybe = true;
  // The rest of the program, as far as the CLI's cache of this build
  // holds it (docs/ClangTidy.md).
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!Own.BuildDirectory.empty()) {
    std::string Err;
    DB = clang::tooling::CompilationDatabase::loadFromDirectory(
        Own.BuildDirectory, Err);
    if (!DB) {
      configurationDiag("cannot load a compilation database from '%0': %1",
                        DiagnosticIDs::Error)
          << Own.BuildDirectory << Err;
      AST = nullptr;
      return;
    }
    Opts.CacheDir = Own.BuildDirectory + "/.clang-escape-cache";
    Opts.CacheSalt = cacheSaltOf(cliBeside(objectPathOf((void *)&anchor)));
    llvm::SmallString<256> Main(getCurrentMainFile());
    llvm::sys::fs::make_absolute(Main);
    llvm::sys::path::remove_dots(Main, true);
    for (const std::string &F : DB->getAllFiles())
      if (F != Main)
        Opts.LinkFromCache.push_back(F);
  }
  auto R = analyzeParsedTU(*AST, AST->getDiagnostics().hasErrorOccurred(),
                           DB.get(), Opts);
  if (!R) {
    configurationDiag("%0", DiagnosticIDs::Error)
        << llvm::toString(R.takeError());
  } else {
    report(*R);
  }
  AST = nullptr;
}

void EscapeCheck::report(const AnalysisResult &R) {
  SourceManager &SM = AST->getSourceManager();
  llvm::StringMap<CheckSettings> Settings;
  auto Wants = [&](const std::string &Check) -> const CheckSettings * {
    if (!Context->isCheckEnabled(Check))
      return nullptr;
    auto It = Settings.find(Check);
    if (It == Settings.end())
      It = Settings.try_emplace(Check, settingsOf(Check)).first;
    return &It->second;
  };
  for (const Finding &F : R.Rep.Findings) {
    const CheckSettings *S = Wants(F.Check);
    if (!S || (F.Maybe && !S->ReportMaybe))
      continue;
    SourceLocation L = locationOf(SM, F.Pos);
    if (L.isInvalid())
      continue;
    Context->diag(F.Check, L, asDiagnosticText(F.Message),
                  F.Class == FindingClass::Bug ? DiagnosticIDs::Warning
                                               : DiagnosticIDs::Remark);
    for (const FindingNote &N : findingNotes(F))
      Context->diag(F.Check, locationOf(SM, N.Pos), asDiagnosticText(N.Text),
                    DiagnosticIDs::Note);
  }
  for (const FixIt &X : R.Rep.FixIts) {
    const CheckSettings *S = Wants(X.Check);
    if (!S || !S->SuggestAnnotations)
      continue;
    SourceLocation L = locationOf(SM, X.At);
    if (L.isValid())
      Context->diag(X.Check, L, asDiagnosticText(X.Message),
                    DiagnosticIDs::Remark)
          << FixItHint::CreateInsertion(L, X.Text);
  }
}

void EscapeCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  switch (kindOf(Name)) {
  case CheckKind::Bug:
    Options.store(Opts, "ReportMaybe", Own.ReportMaybe);
    break;
  case CheckKind::Perf:
    if (Name == "escape-oversized-frame") {
      Options.store(Opts, "MaxLocalBytes", Own.MaxLocalBytes);
      Options.store(Opts, "MaxFrameBytes", Own.MaxFrameBytes);
    } else if (Name == "escape-stack-candidate") {
      Options.store(Opts, "MaxBytes", Own.MaxBytes);
    }
    break;
  case CheckKind::Annotation:
    Options.store(Opts, "SuggestAnnotations", Own.SuggestAnnotations);
    break;
  }
  Options.store(Opts, "ModelFiles", Own.ModelFiles);
  Options.store(Opts, "NoDefaultModels", Own.NoDefaultModels);
  Options.store(Opts, "BuildDirectory", Own.BuildDirectory);
}

} // namespace escape
