//===- EscapePlugin.cpp - clang-escape inside the compiler ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// clang++-N -fplugin=.../lib/clang-escape/llvmN/ClangEscapePlugin.so runs the
// CLI's analysis on each file it compiles, before code generation (which it
// leaves unchanged), and prints the findings as the compiler's diagnostics.
// Options: -fplugin-arg-escape-<option>, docs/Plugin.md.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Build/ModelTable.h"
#include "clang-escape/Frontend/CacheSalt.h"
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Frontend/FindingLocation.h"
#include "clang-escape/Frontend/HostVersionGuard.h"
#include "clang-escape/Frontend/ModelFiles.h"
#include "clang-escape/Frontend/TidyConfig.h"
#include "clang-escape/Output/Emitters.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Tooling/CompilationDatabase.h"

using namespace clang;

namespace escape {

namespace {

/// What -fplugin-arg-escape-<option> set.
struct PluginOptions {
  /// Bug findings are errors: -Werror does not reach a plugin's diagnostics.
  bool Werror = false;
  /// Do not read the nearest .clang-tidy.
  bool NoConfig = false;
  /// A build directory: store this file's graphs in its cache.
  std::string CacheBuildDir;
  /// Write the unit as a side output: beside the object file
  /// (<object>.escape), or at SideOutputPath when given.
  bool SideOutput = false;
  std::string SideOutputPath;
  /// The rest, completed from the nearest .clang-tidy as in the CLI.
  SurfaceSettings Given;
};

void anchor() {}

class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(CompilerInstance &CI, const PluginOptions &Opts)
      : CI(CI), Opts(Opts) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &DE = CI.getDiagnostics();
    auto Fail = [&](const std::string &Message) {
      DE.Report(DE.getCustomDiagID(DiagnosticsEngine::Error, "%0"))
          << ("clang-escape: " + Message);
    };
    const SourceManager &SM = Ctx.getSourceManager();
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    std::optional<TidyConfig> Tidy;
    if (!Opts.NoConfig && Main) {
      auto Found = findTidyConfig(Main->getName());
      if (!Found)
        return Fail(llvm::toString(Found.takeError()));
      Tidy = std::move(*Found);
    }
    RunSettings Run = resolveSettings(Opts.Given, Tidy ? &*Tidy : nullptr);
    // A project's own .clang-tidy written for other checks would silence
    // the plugin without a word, as it would the CLI.
    if (!Run.enablesAny())
      DE.Report(DE.getCustomDiagID(DiagnosticsEngine::Warning,
                                   "clang-escape: no check is enabled "
                                   "(Checks: '%0'%1); nothing will be "
                                   "reported (the plugin argument no-config "
                                   "ignores the .clang-tidy file, "
                                   "checks=escape-* turns the checks on)"))
          << Run.Checks
          << (Tidy && Tidy->Checks ? ", from '" + Tidy->Path + "'"
                                   : std::string());
    ModelTable Models;
    if (llvm::Error E = loadModelFiles(
            Models, Run.NoDefaultModels ? "" : objectPathOf((void *)&anchor),
            Run.ModelFiles))
      return Fail(llvm::toString(std::move(E)));
    AnalysisOptions A;
    A.Build.Models = &Models;
    Run.applyTo(A);
    // The graphs of this file, for a later `clang-escape -p` of the build.
    std::unique_ptr<tooling::CompilationDatabase> DB;
    if (!Opts.CacheBuildDir.empty()) {
      // No database yet (CMake's compiler checks run before it is written)
      // or one without this file: nothing a whole-program run would read.
      std::string Err;
      DB = tooling::CompilationDatabase::loadFromDirectory(Opts.CacheBuildDir,
                                                           Err);
      if (DB && Main && !DB->getCompileCommands(Main->getName()).empty()) {
        A.CacheDir = Opts.CacheBuildDir + "/.clang-escape-cache";
        A.CacheSalt = cacheSaltOf(cliBeside(objectPathOf((void *)&anchor)));
        A.StoreParsedTU = true;
      }
    }
    if (Opts.SideOutput) {
      A.SideOutput = Opts.SideOutputPath;
      if (A.SideOutput.empty()) {
        const std::string &Object = CI.getFrontendOpts().OutputFile;
        if (Object.empty() || Object == "-")
          return Fail("side-output: no object file to write it beside (give "
                      "-o, or side-output=<path>)");
        A.SideOutput = Object + ".escape";
      }
    }
    auto R = analyzeParsedTU(Ctx, DE.hasErrorOccurred(), DB.get(), A);
    if (!R)
      return Fail(llvm::toString(R.takeError()));
    if (!Run.SuggestAnnotations)
      R->Rep.FixIts.clear();
    Run.filter(R->Rep);
    report(R->Rep, Ctx.getSourceManager(), DE);
  }

private:
  void report(const Report &Rep, SourceManager &SM, DiagnosticsEngine &DE) {
    unsigned Bug = DE.getCustomDiagID(Opts.Werror ? DiagnosticsEngine::Error
                                                  : DiagnosticsEngine::Warning,
                                      "%0");
    unsigned Remark = DE.getCustomDiagID(DiagnosticsEngine::Remark, "%0");
    unsigned Note = DE.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    for (const Finding &F : Rep.Findings) {
      DE.Report(locationOf(SM, F.Pos),
                F.Class == FindingClass::Bug ? Bug : Remark)
          << (F.Message + " [" + F.Check + "]");
      for (const FindingNote &N : findingNotes(F))
        DE.Report(locationOf(SM, N.Pos), Note) << N.Text;
    }
    for (const FixIt &X : Rep.FixIts) {
      SourceLocation L = locationOf(SM, X.At);
      DE.Report(L, Remark) << (X.Message + " [" + X.Check + "]")
                           << FixItHint::CreateInsertion(L, X.Text);
    }
  }

  CompilerInstance &CI;
  PluginOptions Opts;
};

class EscapeAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<EscapeConsumer>(CI, Opts);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (llvm::StringRef A : Args) {
      auto [Name, Value] = A.split('=');
      SurfaceSettings &G = Opts.Given;
      auto Number = [&, Value = Value](std::optional<uint64_t> &Out) {
        uint64_t N = 0;
        if (Value.getAsInteger(10, N))
          return false;
        Out = N;
        return true;
      };
      bool Ok = true;
      if (A == "werror")
        Opts.Werror = true;
      else if (A == "no-config")
        Opts.NoConfig = true;
      else if (A == "report-maybe")
        G.ReportMaybe = true;
      else if (A == "suggest-annotations")
        G.SuggestAnnotations = true;
      else if (A == "no-default-models")
        G.NoDefaultModels = true;
      else if (Name == "checks")
        G.Checks = Value.str();
      else if (Name == "cache")
        Opts.CacheBuildDir = Value.str();
      else if (A == "side-output")
        Opts.SideOutput = true;
      else if (Name == "side-output") {
        Opts.SideOutput = true;
        Opts.SideOutputPath = Value.str();
      } else if (Name == "models")
        G.ModelFiles.push_back(Value.str());
      else if (Name == "max-local-bytes")
        Ok = Number(G.MaxLocalBytes);
      else if (Name == "max-frame-bytes")
        Ok = Number(G.MaxFrameBytes);
      else if (Name == "max-stack-candidate-bytes")
        Ok = Number(G.MaxStackCandidateBytes);
      else
        Ok = false;
      if (!Ok) {
        DiagnosticsEngine &DE = CI.getDiagnostics();
        DE.Report(DE.getCustomDiagID(DiagnosticsEngine::Error,
                                     "clang-escape: unknown or malformed "
                                     "plugin argument '%0' (docs/Plugin.md)"))
            << A;
        return false;
      }
    }
    return true;
  }

  // Beside the compile, not instead of it: the object file is unchanged.
  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  PluginOptions Opts;
};

// Before every other initializer of this object: registering the plugin
// below already calls into the host.
__attribute__((constructor(101))) void guardHostVersion() {
  requireHostLLVMMajor("ClangEscapePlugin (the clang-escape compiler plugin)");
}

FrontendPluginRegistry::Add<EscapeAction>
    Registration("escape", "clang-escape: interprocedural escape analysis");

} // namespace

} // namespace escape
