//===- FileAnalyzer.cpp - One open buffer through the core ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "FileAnalyzer.h"
#include "Uri.h"

#include "clang-escape/Build/ModelTable.h"
#include "clang-escape/Frontend/CacheSalt.h"
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Frontend/ModelFiles.h"

#include "clang/Basic/Version.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

// LLVM 22 moved createInvocation into the driver library's headers.
#if CLANG_VERSION_MAJOR >= 22
#include "clang/Driver/CreateInvocationFromArgs.h"
#else
#include "clang/Frontend/Utils.h"
#endif

#include <csignal>

using namespace clang;

namespace escape {
namespace lsp {

namespace {

/// A diagnostics engine that drops everything: the compiler's own
/// diagnostics are clangd's to show (and -w silences the warnings).
struct QuietDiagnostics {
  std::shared_ptr<DiagnosticOptions> Options =
      std::make_shared<DiagnosticOptions>();
  IntrusiveRefCntPtr<DiagnosticsEngine> Engine;

  explicit QuietDiagnostics(llvm::vfs::FileSystem &FS) {
#if CLANG_VERSION_MAJOR >= 22
    Engine = CompilerInstance::createDiagnostics(FS, *Options,
                                                 new IgnoringDiagConsumer,
                                                 /*ShouldOwnClient=*/true);
#else
    (void)FS;
    Engine = CompilerInstance::createDiagnostics(new DiagnosticOptions,
                                                 new IgnoringDiagConsumer,
                                                 /*ShouldOwnClient=*/true);
#endif
  }
};

/// ASTUnit::LoadFromCompilerInvocation, whose parameters differ between
/// LLVM 19 and 22.
std::unique_ptr<ASTUnit> loadUnit(std::shared_ptr<CompilerInvocation> CI,
                                  IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                                  bool Preamble) {
  auto PCH = std::make_shared<PCHContainerOperations>();
  QuietDiagnostics Diags(*FS);
  // A preamble is built on the first parse and reused by the next ones.
  unsigned PreambleAfter = Preamble ? 1 : 0;
#if CLANG_VERSION_MAJOR >= 22
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  return ASTUnit::LoadFromCompilerInvocation(
      std::move(CI), PCH, Diags.Options, Diags.Engine, Files,
      /*OnlyLocalDecls=*/false, CaptureDiagsKind::All, PreambleAfter,
      TU_Complete, /*CacheCodeCompletionResults=*/false,
      /*IncludeBriefCommentsInCodeCompletion=*/false,
      /*UserFilesAreVolatile=*/true);
#else
  return ASTUnit::LoadFromCompilerInvocation(
      std::move(CI), PCH, Diags.Engine,
      new FileManager(FileSystemOptions(), FS),
      /*OnlyLocalDecls=*/false, CaptureDiagsKind::All, PreambleAfter,
      TU_Complete, /*CacheCodeCompletionResults=*/false,
      /*IncludeBriefCommentsInCodeCompletion=*/false,
      /*UserFilesAreVolatile=*/true);
#endif
}

bool hadErrors(ASTUnit &AST) {
  for (auto It = AST.stored_diag_begin(); It != AST.stored_diag_end(); ++It)
    if (It->getLevel() >= DiagnosticsEngine::Error)
      return true;
  return false;
}

} // namespace

FileAnalyzer::FileAnalyzer(const ServerOptions &Opts, CompileCommands &Commands)
    : Opts(Opts), Commands(Commands) {}

FileAnalyzer::~FileAnalyzer() = default;

void FileAnalyzer::forget(const std::string &Path) {
  Units.erase(Path);
  llvm::erase(Recent, Path);
}

llvm::Error
FileAnalyzer::parse(Unit &U, const std::vector<std::string> &Args,
                    const std::string &Directory,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  // Relative paths in the command are relative to its directory.
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Directory))
    return llvm::createStringError(EC, "cannot enter '%s': %s",
                                   Directory.c_str(), EC.message().c_str());
  if (U.AST && U.Args == Args &&
      !U.AST->Reparse(std::make_shared<PCHContainerOperations>(), {}, FS))
    return llvm::Error::success();
  U.AST.reset();
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  QuietDiagnostics Diags(*FS);
  CreateInvocationOptions CIOpts;
  CIOpts.Diags = Diags.Engine;
  CIOpts.VFS = FS;
  std::shared_ptr<CompilerInvocation> CI = createInvocation(Argv, CIOpts);
  if (!CI)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "Clang rejects the compile command of "
                                   "this file");
  U.AST = loadUnit(std::move(CI), FS, Opts.Preamble);
  if (!U.AST)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "Clang could not parse this file");
  U.Args = Args;
  return llvm::Error::success();
}

llvm::Expected<FileAnalysis>
FileAnalyzer::analyze(const Document &D,
                      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  FileCommand FC = Commands.commandFor(D.Path);
  const tooling::CompileCommand &Cmd = FC.Command;
  // The flags the CLI's parse uses (Driver.cpp), plus what ClangTool adds.
  std::vector<std::string> Args =
      analysisArgumentsAdjuster()(Cmd.CommandLine, Cmd.Filename);
  Args = tooling::getClangStripDependencyFileAdjuster()(Args, Cmd.Filename);

  // The settings the CLI resolves for this file.
  std::optional<TidyConfig> Tidy;
  if (!Opts.NoConfig) {
    auto Found = findTidyConfig(D.Path);
    if (!Found)
      return Found.takeError();
    Tidy = std::move(*Found);
  }
  RunSettings Run = resolveSettings(Opts.Surface, Tidy ? &*Tidy : nullptr);
  ModelTable Models;
  if (llvm::Error E = loadModelFiles(
          Models, Run.NoDefaultModels ? "" : Opts.Executable, Run.ModelFiles))
    return std::move(E);
  AnalysisOptions A;
  A.Build.Models = &Models;
  Run.applyTo(A);
  // NOLINT comments are read from the buffers, not from the disk.
  A.ReportFilter = [&Run, FS](Report &R) { Run.filter(R, FS); };
  // Callees in other files, through the cache `clang-escape -p` keeps.
  llvm::SmallString<256> CacheDir(FC.BuildDir);
  llvm::sys::path::append(CacheDir, ".clang-escape-cache");
  bool UseCache =
      FC.DB && !FC.BuildDir.empty() && llvm::sys::fs::is_directory(CacheDir);
  if (UseCache) {
    A.CacheDir = std::string(CacheDir);
    llvm::SmallString<256> Cli(llvm::sys::path::parent_path(Opts.Executable));
    llvm::sys::path::append(Cli, "clang-escape");
    A.CacheSalt = cacheSaltOf(Cli);
    std::string Main = absoluteIn(Cmd.Filename, Cmd.Directory);
    for (const std::string &F : FC.DB->getAllFiles())
      if (F != Main && F != D.Path)
        A.LinkFromCache.push_back(F);
  }

  // A parsed unit holds a whole AST: keep those of the files edited last,
  // as clangd keeps a few.
  constexpr size_t KeptUnits = 3;
  llvm::erase(Recent, D.Path);
  Recent.insert(Recent.begin(), D.Path);
  while (Recent.size() > KeptUnits) {
    std::string Oldest = Recent.back();
    forget(Oldest);
  }
  Unit &U = Units[D.Path];
  std::string Failure;
  std::optional<AnalysisResult> Result;
  bool Errors = false;
  llvm::CrashRecoveryContext Recovery;
  bool Survived = Recovery.RunSafely([&] {
    if (!Opts.CrashMarker.empty() &&
        llvm::StringRef(D.Text).contains(Opts.CrashMarker))
      std::raise(SIGSEGV);
    if (llvm::Error E = parse(U, Args, Cmd.Directory, FS)) {
      Failure = llvm::toString(std::move(E));
      return;
    }
    Errors = hadErrors(*U.AST);
    auto R = analyzeParsedTU(U.AST->getASTContext(), Errors,
                             UseCache ? FC.DB : nullptr, A);
    if (!R) {
      Failure = llvm::toString(R.takeError());
      return;
    }
    Result = std::move(*R);
  });
  if (!Survived) {
    // Whatever the unit holds now is suspect, even its destructor.
    (void)U.AST.release();
    Units.erase(D.Path);
    return llvm::createStringError(std::errc::state_not_recoverable,
                                   "the analysis of '%s' crashed",
                                   D.Path.c_str());
  }
  if (!Result) {
    Units.erase(D.Path);
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   D.Path.c_str(), Failure.c_str());
  }
  FileAnalysis Out;
  Out.Path = D.Path;
  Out.Version = D.Version;
  Out.Text = D.Text;
  Out.Rep = std::move(Result->Rep);
  Out.HadErrors = Errors;
  Out.SuggestAnnotations = Run.SuggestAnnotations;
  Out.FS = FS;
  // The finding paths name files as the command does: absolute from here
  // on, and the main file by the client's name for it.
  std::string Main = absoluteIn(Cmd.Filename, Cmd.Directory);
  auto Rename = [&](SourcePos &P) {
    if (P.File.empty())
      return;
    P.File = absoluteIn(P.File, Cmd.Directory);
    if (P.File == Main)
      P.File = D.Path;
  };
  for (Finding &F : Out.Rep.Findings) {
    Rename(F.Pos);
    Rename(F.SubjectPos);
    for (Note &N : F.Flow)
      Rename(N.Pos);
  }
  for (FixIt &X : Out.Rep.FixIts)
    Rename(X.At);
  return Out;
}

} // namespace lsp
} // namespace escape
