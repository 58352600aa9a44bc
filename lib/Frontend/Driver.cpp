//===- Driver.cpp - Run the analysis over translation units ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Support/Version.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ThreadPool.h"

#include <atomic>
#include <mutex>

using namespace clang;

namespace escape {

namespace {

struct Collector {
  std::mutex Lock;
  Program &Prog;
  std::vector<std::string> &Errors;
};

class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(Collector &C, const AnalysisOptions &Opts, std::string File,
                 CompilerInstance &CI)
      : C(C), Opts(Opts), File(std::move(File)), CI(CI) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // Like clang-tidy: a file that does not fully parse is still analyzed
    // as far as the AST goes.
    std::vector<FunctionGraph> Graphs = buildGraphs(Ctx, Opts.Build);
    bool Errors = CI.getDiagnostics().hasErrorOccurred();
    std::lock_guard<std::mutex> G(C.Lock);
    C.Prog.add(std::move(Graphs));
    if (Errors)
      C.Errors.push_back(File);
  }

private:
  Collector &C;
  const AnalysisOptions &Opts;
  std::string File;
  CompilerInstance &CI;
};

class EscapeAction : public ASTFrontendAction {
public:
  EscapeAction(Collector &C, const AnalysisOptions &Opts) : C(C), Opts(Opts) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    return std::make_unique<EscapeConsumer>(C, Opts, InFile.str(), CI);
  }

private:
  Collector &C;
  const AnalysisOptions &Opts;
};

class EscapeActionFactory : public tooling::FrontendActionFactory {
public:
  EscapeActionFactory(Collector &C, const AnalysisOptions &Opts)
      : C(C), Opts(Opts) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<EscapeAction>(C, Opts);
  }

private:
  Collector &C;
  const AnalysisOptions &Opts;
};

} // namespace

llvm::Expected<AnalysisResult>
analyzeFiles(const tooling::CompilationDatabase &DB,
             const std::vector<std::string> &Files,
             const AnalysisOptions &Opts) {
  for (const std::string &F : Files)
    if (!llvm::sys::fs::exists(F))
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "no such file: '%s'", F.c_str());
    else if (llvm::sys::fs::is_directory(F))
      return llvm::createStringError(std::errc::is_a_directory,
                                     "'%s' is a directory, not a source file",
                                     F.c_str());
  AnalysisResult R;
  Collector C{{}, R.Prog, R.FilesWithErrors};
  std::atomic<bool> Failed{false};
  auto RunOne = [&](const std::string &File) {
    tooling::ClangTool Tool(DB, {File});
    // Our binary does not sit next to Clang's headers: point the frontend at
    // the resource directory of the Clang we link. -w: the compiler's own
    // warnings are not ours to print.
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        {"-resource-dir=" CLANG_ESCAPE_RESOURCE_DIR, "-w"},
        tooling::ArgumentInsertPosition::END));
    Tool.appendArgumentsAdjuster(tooling::getClangSyntaxOnlyAdjuster());
    Tool.appendArgumentsAdjuster(tooling::getClangStripOutputAdjuster());
    EscapeActionFactory Factory(C, Opts);
    if (Tool.run(&Factory) != 0)
      Failed = true;
  };
  if (Opts.Jobs <= 1 || Files.size() <= 1) {
    for (const std::string &F : Files)
      RunOne(F);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Opts.Jobs));
    for (const std::string &F : Files)
      Pool.async([&, F] { RunOne(F); });
    Pool.wait();
  }
  if (Failed) {
    // Files that produced no AST at all are errors as well.
    std::lock_guard<std::mutex> G(C.Lock);
    if (R.FilesWithErrors.empty())
      R.FilesWithErrors.push_back("(unknown)");
  }
  R.Prog.solve();
  R.Rep = makeReport(R.Prog, Opts.Report);
  return R;
}

} // namespace escape
