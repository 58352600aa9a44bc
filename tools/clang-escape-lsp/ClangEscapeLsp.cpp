//===- ClangEscapeLsp.cpp - The clang-escape language server --------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Option parsing only; the server lives in lib/Lsp.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Lsp/Server.h"
#include "clang-escape/Support/Version.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::OptionCategory Category("clang-escape-lsp options");

static cl::extrahelp MoreHelp(R"(
clang-escape-lsp is a language server (LSP 3.17, over stdin and stdout) that
publishes clang-escape's findings for the files an editor has open, beside
clangd. Flags come from the nearest compile_commands.json, as clangd finds
it; settings from the nearest .clang-tidy, as for clang-escape.
Editor set-up: docs/Editor.md.
)");

static cl::opt<std::string> CompileCommandsDir(
    "compile-commands-dir", cl::value_desc("dir"),
    cl::desc("Take compile commands from <dir>/compile_commands.json only "
             "(default: the nearest one to each file, or in a build/ folder "
             "beside it)"),
    cl::cat(Category));
static cl::opt<std::string>
    Checks("checks", cl::value_desc("globs"),
           cl::desc("Which checks to report, in clang-tidy's syntax, after the "
                    "Checks of the nearest .clang-tidy"),
           cl::cat(Category));
static cl::opt<bool> NoConfig(
    "no-config",
    cl::desc("Do not read Checks and the escape-* options of .clang-tidy"),
    cl::cat(Category));
static cl::opt<bool> ReportMaybe(
    "report-maybe",
    cl::desc("Also report escapes that rest on a conservative assumption"),
    cl::cat(Category));
static cl::opt<bool> SuggestAnnotations(
    "suggest-annotations",
    cl::desc("Also show the proven annotations as hints (their code actions "
             "are offered either way)"),
    cl::cat(Category));
static cl::list<std::string>
    ModelFiles("models", cl::value_desc("file"),
               cl::desc("Load escape models of library functions from <file> "
                        "(docs/Models.md); may be repeated"),
               cl::cat(Category));
static cl::opt<bool>
    NoDefaultModels("no-default-models",
                    cl::desc("Do not load the shipped model file"),
                    cl::cat(Category));
static cl::opt<unsigned> DebounceMs(
    "debounce-ms", cl::init(200), cl::value_desc("ms"),
    cl::desc("Analyze an edited file once it has been unchanged for <ms> "
             "milliseconds (default 200)"),
    cl::cat(Category));
static cl::opt<bool>
    NoPreamble("no-preamble",
               cl::desc("Parse the whole file on every edit instead of "
                        "reusing the precompiled #include prefix"),
               cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("Do not log to stderr"),
                           cl::cat(Category));
// For transcript tests: analyze before reading the next message.
static cl::opt<bool> Sync("sync", cl::Hidden, cl::cat(Category));
static cl::opt<std::string> CrashMarker("test-crash-marker", cl::Hidden,
                                        cl::cat(Category));

static void printVersion(raw_ostream &OS) {
  OS << "clang-escape-lsp version " << CLANG_ESCAPE_VERSION << " (LLVM "
     << CLANG_ESCAPE_LLVM_MAJOR << ")\n";
}

int main(int Argc, const char **Argv) {
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(Argc, Argv,
                              "clang-escape-lsp: clang-escape's findings in "
                              "the editor\n");
  escape::ServerOptions Opts;
  Opts.Surface.Checks = Checks;
  Opts.Surface.ReportMaybe = ReportMaybe;
  Opts.Surface.SuggestAnnotations = SuggestAnnotations;
  Opts.Surface.NoDefaultModels = NoDefaultModels;
  Opts.Surface.ModelFiles = ModelFiles;
  Opts.NoConfig = NoConfig;
  Opts.CompileCommandsDir = CompileCommandsDir;
  Opts.Executable = sys::fs::getMainExecutable(Argv[0], (void *)&printVersion);
  Opts.DebounceMs = DebounceMs;
  Opts.Preamble = !NoPreamble;
  Opts.Sync = Sync;
  Opts.CrashMarker = CrashMarker;
  Opts.Log = Quiet ? nullptr : &errs();
  return escape::runServer(stdin, outs(), Opts);
}
