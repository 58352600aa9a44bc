//===- ClangEscape.cpp - The clang-escape command line --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Option parsing and output only; the analysis lives in lib/.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Build/ModelTable.h"
#include "clang-escape/Frontend/CMakeFileApi.h"
#include "clang-escape/Frontend/CacheSalt.h"
#include "clang-escape/Frontend/DiffBase.h"
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Frontend/ModelFiles.h"
#include "clang-escape/Frontend/Shard.h"
#include "clang-escape/Frontend/SourceKind.h"
#include "clang-escape/Frontend/TidyConfig.h"
#include "clang-escape/Gate/Baseline.h"
#include "clang-escape/Gate/Fingerprint.h"
#include "clang-escape/Graph/GraphCache.h"
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Support/AtomicDirectory.h"
#include "clang-escape/Support/AtomicFile.h"
#include "clang-escape/Support/ByteSize.h"
#include "clang-escape/Support/Git.h"
#include "clang-escape/Support/SourcePaths.h"
#include "clang-escape/Support/Version.h"

#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace llvm;
using namespace clang::tooling;

static cl::OptionCategory Category("clang-escape options");

static cl::extrahelp MoreHelp(R"(
clang-escape reports where the address of a stack object outlives the object
(returned, stored in a global, a member, the heap, a thread, a coroutine
frame), heap allocations that could live on the stack, type erasure that
allocates, and oversized frames. Callees in other files given on the same
command line, or in the same compilation database, are followed.

Examples:
  clang-escape file.cpp -- -std=c++20       analyze one file with these flags
  clang-escape -p build                     every file of build/compile_commands.json
  clang-escape -p build src/a.cpp           one file, flags from the database
  clang-escape -m=2 a.cpp b.cpp -- -std=c++20
                                            Go-style decisions with their flows

In CI (docs/CI.md):
  clang-escape -p build --write-baseline=.escape-baseline.json
  clang-escape -p build --baseline=.escape-baseline.json --format=sarif -o r.sarif
  clang-escape -p build --diff-base=origin/main --format=github

Exit status: 0 no bug-class finding (or none new against --baseline or
--diff-base), 1 bug-class findings, 2 usage or input errors (missing file,
missing database, code that does not compile, a malformed baseline).
Documentation: docs/ in the source tree (CLI.md, CI.md, checks/, JSON.md).
)");

static cl::opt<std::string>
    GoLevel("m", cl::ValueOptional, cl::value_desc("level"),
            cl::desc("Print Go-style escape decisions (-m), and the flow that "
                     "explains each one (-m=2), instead of diagnostics"),
            cl::cat(Category));
static cl::opt<std::string> Format(
    "format", cl::init("text"),
    cl::value_desc("text|json|sarif|github|codeclimate|dot|html"),
    cl::desc("Output format: clang-style text (default), the JSON document of "
             "docs/JSON.md, SARIF 2.1.0, GitHub workflow commands, a GitLab "
             "Code Quality report (docs/CI.md), the escape graph of the "
             "functions --function names as Graphviz dot, or an HTML report "
             "in the directory -o names (docs/Reports.md)"),
    cl::cat(Category));
static cl::opt<std::string> DotFunction(
    "function", cl::value_desc("name"),
    cl::desc("With --format=dot: the function whose graph to draw ('ns::f', "
             "or 'f' in any scope; default: every function of the files)"),
    cl::cat(Category));
// How the HTML report lays out its graphs: "auto" (dot when installed),
// "dot" (fail without it) or "layered" (our own); for the tests of both.
static cl::opt<std::string> GraphLayout("graph-layout", cl::Hidden,
                                        cl::init("auto"),
                                        cl::value_desc("auto|dot|layered"),
                                        cl::cat(Category));
static cl::opt<std::string> SourceRoot(
    "source-root", cl::value_desc("dir"),
    cl::desc("Paths in fingerprints, baselines, SARIF, GitHub and Code Quality "
             "output are relative to <dir> (default: the top of the git "
             "checkout, or the current directory)"),
    cl::cat(Category));
static cl::opt<std::string> BaselineFile(
    "baseline", cl::value_desc("file"),
    cl::desc("Report only the findings that are not in the baseline <file> or "
             "whose count grew; exit 1 only for those"),
    cl::cat(Category));
static cl::opt<std::string>
    WriteBaseline("write-baseline", cl::value_desc("file"),
                  cl::desc("Record the current findings in the baseline <file> "
                           "(atomically), keeping the justifications it has"),
                  cl::cat(Category));
static cl::opt<bool> FailOnFixed(
    "fail-on-fixed",
    cl::desc("With --baseline or --diff-base: exit 1 also when a finding of "
             "the baseline is gone, so that the baseline is rewritten"),
    cl::cat(Category));
static cl::opt<std::string> DiffBase(
    "diff-base", cl::value_desc("rev"),
    cl::desc("Report only the findings that the merge base of <rev> and HEAD "
             "does not have; it is analyzed in a temporary git worktree"),
    cl::cat(Category));
static cl::opt<unsigned> Timeout(
    "timeout", cl::value_desc("seconds"),
    cl::desc("Give up a file whose parsing takes longer (it is reported as "
             "skipped, and the run goes on); each file is then parsed in a "
             "child process"),
    cl::cat(Category));
// What a child process of --timeout does: parse one file, write its graphs.
static cl::opt<std::string> ExtractUnit("extract-unit", cl::Hidden,
                                        cl::cat(Category));
static cl::opt<std::string> ExtractTo("extract-to", cl::Hidden,
                                      cl::cat(Category));
// For testing the crash reports: crash while lowering this function.
static cl::opt<std::string> DebugCrashOn("debug-crash-on", cl::Hidden,
                                         cl::value_desc("function"),
                                         cl::cat(Category));
static cl::opt<uint64_t> MaxSteps(
    "max-function-steps", cl::Hidden, cl::value_desc("N"),
    cl::desc("Budget of the lowering of one function, in steps (default "
             "2000000); past it the function is analyzed conservatively"),
    cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("Do not print progress on stderr"),
                           cl::cat(Category));
static cl::opt<std::string> Output("o", cl::value_desc("file"),
                                   cl::desc("Write the report to <file> "
                                            "(atomically) instead of stdout"),
                                   cl::cat(Category));
static cl::opt<std::string> EmitClaims(
    "emit-claims", cl::value_desc("file"),
    cl::desc("Also write the claims that clang-escape-validate checks on real "
             "runs to <file> (docs/Runtime.md)"),
    cl::cat(Category));
static cl::opt<unsigned>
    Jobs("j", cl::init(1), cl::value_desc("N"), cl::Prefix,
         cl::desc("Parse N translation units in parallel (0: one per core)"),
         cl::cat(Category));
static cl::opt<bool> ReportMaybe(
    "report-maybe",
    cl::desc("Also report escapes that rest on a conservative assumption about "
             "a callee without a body (confidence 'maybe')"),
    cl::cat(Category));
static cl::opt<uint64_t>
    MaxLocal("max-local-bytes", cl::init(64 * 1024),
             cl::desc("A local larger than this is an oversized-frame finding "
                      "(default 65536)"),
             cl::cat(Category));
static cl::opt<uint64_t>
    MaxFrame("max-frame-bytes", cl::init(128 * 1024),
             cl::desc("A frame larger than this is an oversized-frame finding "
                      "(default 131072)"),
             cl::cat(Category));
static cl::opt<std::string> HeaderFilter(
    "header-filter", cl::value_desc("regex"),
    cl::desc("Also report functions defined in non-system headers whose "
             "absolute path matches <regex>, as clang-tidy's --header-filter "
             "(default: the .clang-tidy file's HeaderFilterRegex, else none)"),
    cl::cat(Category));
static cl::opt<bool> SystemHeaders(
    "system-headers",
    cl::desc("Headers included as system headers (-isystem) that "
             "--header-filter matches are the program's own: analyzed and "
             "reported, as clang-tidy's --system-headers (default: the "
             ".clang-tidy file's SystemHeaders, else off)"),
    cl::cat(Category));
static cl::opt<uint64_t> MaxCandidate(
    "max-stack-candidate-bytes", cl::init(64 * 1024),
    cl::desc("Largest allocation reported as a stack candidate (default "
             "65536)"),
    cl::cat(Category));
static cl::opt<std::string> ExportFixes(
    "export-fixes", cl::value_desc("file"),
    cl::desc("Write the annotations the analysis proves ([[clang::"
             "lifetimebound]], [[clang::noescape]]) to <file> as clang-tidy "
             "export-fixes YAML, for clang-apply-replacements"),
    cl::cat(Category));
static cl::opt<bool> SuggestAnnotations(
    "suggest-annotations",
    cl::desc("Also print those annotations as remarks with their fix-it "
             "(text output)"),
    cl::cat(Category));
static cl::list<std::string>
    ModelFiles("models", cl::value_desc("file"),
               cl::desc("Load escape models of library functions from <file> "
                        "(JSON, docs/Models.md), after the shipped one; may be "
                        "repeated"),
               cl::cat(Category));
static cl::opt<bool> NoDefaultModels(
    "no-default-models",
    cl::desc("Do not load the shipped model file (share/clang-escape/"
             "models.json)"),
    cl::cat(Category));
static cl::opt<std::string> CacheDir(
    "cache-dir", cl::value_desc("dir"),
    cl::desc("Keep each translation unit's extracted graphs in <dir> and reuse "
             "them while none of its inputs changed (default with -p: "
             "<build-dir>/.clang-escape-cache)"),
    cl::cat(Category));
static cl::opt<bool> ExtractOnly(
    "extract-only",
    cl::desc("Parse the files into the cache and stop: no linking, no report "
             "(docs/WholeProgram.md)"),
    cl::cat(Category));
static cl::opt<std::string>
    ShardArg("shard", cl::value_desc("K/N"),
             cl::desc("With --extract-only: only the files of shard K of N "
                      "(by a hash of their path), for the jobs of a CI "
                      "matrix"),
             cl::cat(Category));
static cl::opt<bool> LinkOnly(
    "link-only",
    cl::desc("Link and report from the cache without parsing; an error "
             "names the files it has no current entry for"),
    cl::cat(Category));
static cl::list<std::string> SideOutputs(
    "side-outputs", cl::value_desc("paths"), cl::CommaSeparated,
    cl::desc("First store in the cache the units the compiler plugin wrote "
             "beside the object files (*.escape, -fplugin-arg-escape-side-"
             "output): files, or directories to search (a build tree)"),
    cl::cat(Category));
static cl::opt<std::string> CacheMaxSize(
    "cache-max-size", cl::value_desc("size"),
    cl::desc("After the run, remove the least recently used entries until "
             "the cache holds at most <size> (bytes, or with K, M, G)"),
    cl::cat(Category));
static cl::list<std::string> ProgramArgs(
    "program", cl::value_desc("name=glob,glob"),
    cl::desc("The files one program (an executable) is linked from, linked "
             "apart from the other programs' (docs/WholeProgram.md); may be "
             "repeated"),
    cl::cat(Category));
static cl::opt<std::string> ProgramsFile(
    "programs", cl::value_desc("file"),
    cl::desc("Read the programs from <file>: one name=glob,glob per line"),
    cl::cat(Category));
static cl::opt<bool> CMakeConfigure(
    "cmake-configure",
    cl::desc("With -p on a CMake build directory: run cmake there once, so "
             "that it answers the file API query naming each executable's "
             "files"),
    cl::cat(Category));
static cl::opt<bool>
    OneProgram("one-program",
               cl::desc("Link every file as one program, whatever CMake says"),
               cl::cat(Category));
static cl::opt<bool> NoCache("no-cache",
                             cl::desc("Do not read or write the cache"),
                             cl::cat(Category));
static cl::opt<bool>
    Stats("cache-stats",
          cl::desc("Print how many translation units were parsed and how "
                   "many came from the cache, on stderr"),
          cl::cat(Category));
static cl::opt<bool>
    Caret("caret", cl::init(true),
          cl::desc("Show the source line and a caret under each finding "
                   "(default true; --caret=false for one line per finding "
                   "plus notes)"),
          cl::cat(Category));
static cl::opt<std::string> Checks(
    "checks", cl::value_desc("globs"),
    cl::desc("Which checks to report, in clang-tidy's syntax, after the "
             "Checks of the nearest .clang-tidy (default 'escape-*'; e.g. "
             "'-*,escape-return,escape-scope')"),
    cl::cat(Category));
static cl::opt<bool> NoConfig(
    "no-config",
    cl::desc("Do not read Checks and the escape-* CheckOptions of the nearest "
             ".clang-tidy (docs/ClangTidy.md)"),
    cl::cat(Category));
static cl::opt<cl::boolOrDefault>
    Color("colors",
          cl::desc("Use colors in text output (default: when the "
                   "output is a terminal)"),
          cl::cat(Category));

/// The value of -p, which CommonOptionsParser does not expose.
static std::optional<std::string> buildDirArgument(int Argc,
                                                   const char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    StringRef A = Argv[I];
    if (A == "--")
      break;
    if ((A == "-p" || A == "--p") && I + 1 < Argc)
      return std::string(Argv[I + 1]);
    if (A.consume_front("-p=") || A.consume_front("--p="))
      return A.str();
  }
  return std::nullopt;
}

/// --extra-arg and --extra-arg-before, which CommonOptionsParser applies
/// only to the database it loads for files named on the command line.
static ArgumentsAdjuster extraArgs() {
  auto Values = [](StringRef Name) {
    std::vector<std::string> V;
    auto &Opts = cl::getRegisteredOptions();
    auto It = Opts.find(Name);
    if (It != Opts.end())
      for (const std::string &A :
           *static_cast<cl::list<std::string> *>(It->second))
        V.push_back(A);
    return V;
  };
  return combineAdjusters(
      getInsertArgumentAdjuster(Values("extra-arg-before"),
                                ArgumentInsertPosition::BEGIN),
      getInsertArgumentAdjuster(Values("extra-arg"),
                                ArgumentInsertPosition::END));
}

static void printVersion(raw_ostream &OS) {
  OS << "clang-escape version " << CLANG_ESCAPE_VERSION << " (LLVM "
     << CLANG_ESCAPE_LLVM_MAJOR << ")\n";
}

int main(int Argc, const char **Argv) {
  cl::SetVersionPrinter(printVersion);
  // A crash outside a translation unit's analysis prints a stack and what
  // was being done; one inside it is reported, and the others go on.
  llvm::sys::PrintStackTraceOnErrorSignal(Argv[0]);
  llvm::CrashRecoveryContext::Enable();
  // CommonOptionsParser cuts "--" and the flags after it off Argc.
  const std::vector<std::string> CommandLine(Argv, Argv + Argc);
  // A -p that names no database is an error, not a reason to look for one
  // elsewhere (CommonOptionsParser would search the parents of the files).
  if (std::optional<std::string> Build = buildDirArgument(Argc, Argv)) {
    std::string Err;
    if (!CompilationDatabase::loadFromDirectory(*Build, Err)) {
      WithColor::error(errs(), "clang-escape")
          << "cannot load a compilation database from '" << *Build
          << "': " << Err << "\n";
      return 2;
    }
  }
  auto Parser =
      CommonOptionsParser::create(Argc, Argv, Category, cl::ZeroOrMore,
                                  "clang-escape: escape analysis for "
                                  "C++, in the style of Go's -m");
  if (!Parser) {
    WithColor::error(errs(), "clang-escape") << toString(Parser.takeError());
    return 2;
  }
  unsigned Level = 0;
  if (GoLevel.getNumOccurrences()) {
    if (GoLevel.empty())
      Level = 1;
    else if (StringRef(GoLevel).getAsInteger(10, Level) || Level == 0 ||
             Level > 2) {
      WithColor::error(errs(), "clang-escape")
          << "-m takes 1 or 2, not '" << GoLevel << "'\n";
      return 2;
    }
  }
  if (Format != "text" && Format != "json" && Format != "sarif" &&
      Format != "github" && Format != "codeclimate" && Format != "dot" &&
      Format != "html") {
    WithColor::error(errs(), "clang-escape")
        << "unknown --format '" << Format
        << "' (use text, json, sarif, github, codeclimate, dot or html)\n";
    return 2;
  }
  escape::HtmlOptions Html;
  if (Format == "html") {
    if (Output.empty()) {
      WithColor::error(errs(), "clang-escape")
          << "--format=html writes a directory: name it with -o\n";
      return 2;
    }
    if (GraphLayout != "auto" && GraphLayout != "dot" &&
        GraphLayout != "layered") {
      WithColor::error(errs(), "clang-escape")
          << "unknown --graph-layout '" << GraphLayout
          << "' (use auto, dot or layered)\n";
      return 2;
    }
    if (GraphLayout != "layered") {
      if (auto Dot = llvm::sys::findProgramByName("dot"))
        Html.DotProgram = *Dot;
      else if (GraphLayout == "dot") {
        WithColor::error(errs(), "clang-escape")
            << "--graph-layout=dot: no 'dot' program on PATH (install "
               "graphviz)\n";
        return 2;
      }
    }
  }
  if (!BaselineFile.empty() && !DiffBase.empty()) {
    WithColor::error(errs(), "clang-escape")
        << "--baseline and --diff-base cannot be combined\n";
    return 2;
  }
  // A baseline that cannot be read stops the run before it starts: never
  // "every finding is new".
  std::optional<escape::Baseline> Accepted;
  if (!BaselineFile.empty() && ExtractUnit.empty() && !ExtractOnly) {
    auto B = escape::readBaseline(BaselineFile);
    if (!B) {
      WithColor::error(errs(), "clang-escape")
          << toString(B.takeError()) << "\n";
      return 2;
    }
    Accepted = std::move(*B);
  }
  std::optional<escape::Baseline> Previous;
  if (!WriteBaseline.empty() && ExtractUnit.empty() && !ExtractOnly &&
      llvm::sys::fs::exists(WriteBaseline)) {
    auto B = escape::readBaseline(WriteBaseline);
    if (!B) {
      WithColor::error(errs(), "clang-escape")
          << toString(B.takeError()) << "\n";
      return 2;
    }
    Previous = std::move(*B);
  }
  if (ExtractOnly && LinkOnly) {
    WithColor::error(errs(), "clang-escape")
        << "--extract-only and --link-only cannot be combined\n";
    return 2;
  }
  if (LinkOnly && !DiffBase.empty()) {
    WithColor::error(errs(), "clang-escape")
        << "--link-only and --diff-base cannot be combined\n";
    return 2;
  }
  if ((ExtractOnly || LinkOnly) && NoCache) {
    WithColor::error(errs(), "clang-escape")
        << (ExtractOnly ? "--extract-only" : "--link-only")
        << " needs the cache; drop --no-cache\n";
    return 2;
  }
  if (!SideOutputs.empty() && NoCache) {
    WithColor::error(errs(), "clang-escape")
        << "--side-outputs stores into the cache; drop --no-cache\n";
    return 2;
  }
  std::optional<escape::Shard> InShard;
  if (!ShardArg.empty()) {
    auto S = escape::parseShard(ShardArg);
    if (!S || !ExtractOnly) {
      WithColor::error(errs(), "clang-escape")
          << (S ? "--shard needs --extract-only" : toString(S.takeError()))
          << "\n";
      return 2;
    }
    InShard = *S;
  }
  uint64_t CacheMaxBytes = 0;
  if (!CacheMaxSize.empty()) {
    auto Size = escape::parseByteSize(CacheMaxSize);
    if (!Size) {
      WithColor::error(errs(), "clang-escape")
          << "--cache-max-size: " << toString(Size.takeError()) << "\n";
      return 2;
    }
    CacheMaxBytes = *Size;
  }
  std::vector<std::string> Files = Parser->getSourcePathList();
  const std::vector<std::string> Given = Files;
  // With no files, CommonOptionsParser loads no database: every file of the
  // one named by -p is analyzed.
  std::unique_ptr<CompilationDatabase> AllDB;
  unsigned Unreadable = 0;
  if (Files.empty()) {
    std::optional<std::string> Build = buildDirArgument(Argc, Argv);
    if (!Build) {
      WithColor::error(errs(), "clang-escape")
          << "no input files (give files, or -p <build-dir> with a "
             "compile_commands.json)\n";
      return 2;
    }
    std::string Err;
    std::unique_ptr<CompilationDatabase> Loaded =
        CompilationDatabase::loadFromDirectory(*Build, Err);
    if (!Loaded) {
      WithColor::error(errs(), "clang-escape")
          << "cannot load a compilation database from '" << *Build
          << "': " << Err << "\n";
      return 2;
    }
    auto Adjusting =
        std::make_unique<ArgumentsAdjustingCompilations>(std::move(Loaded));
    Adjusting->appendArgumentsAdjuster(extraArgs());
    AllDB = std::move(Adjusting);
    // A file the database lists but that is gone: an error naming it, and
    // the others are analyzed. Assembly sources hold nothing to analyze.
    unsigned Assembly = 0;
    for (const std::string &F : AllDB->getAllFiles())
      if (escape::isAssemblySource(F)) {
        ++Assembly;
      } else if (llvm::sys::fs::is_regular_file(F)) {
        Files.push_back(F);
      } else {
        WithColor::error(errs(), "clang-escape")
            << "'" << F << "', listed in the compilation database, "
            << (llvm::sys::fs::exists(F) ? "is not a file" : "does not exist")
            << "; it is not analyzed\n";
        ++Unreadable;
      }
    if (Assembly)
      WithColor::note(errs(), "clang-escape")
          << Assembly << " assembly source(s) of the database not analyzed\n";
    // The database's own order follows a hash: sorted, the link (which
    // definition of a colliding name comes first) is the same every run.
    llvm::sort(Files);
  }
  const CompilationDatabase &DB = AllDB ? *AllDB : Parser->getCompilations();
  if (Files.empty()) {
    WithColor::error(errs(), "clang-escape")
        << "no input files (give files, or -p <build-dir> with a "
           "compile_commands.json that lists some)\n";
    return 2;
  }

  // The nearest .clang-tidy to the first file: its Checks and escape-*
  // options, under what the command line says.
  std::optional<escape::TidyConfig> Tidy;
  if (!NoConfig) {
    auto Found = escape::findTidyConfig(Files.front());
    if (!Found) {
      WithColor::error(errs(), "clang-escape")
          << toString(Found.takeError()) << "\n";
      return 2;
    }
    Tidy = std::move(*Found);
  }
  escape::SurfaceSettings Asked;
  Asked.Checks = Checks;
  if (MaxLocal.getNumOccurrences())
    Asked.MaxLocalBytes = MaxLocal;
  if (MaxFrame.getNumOccurrences())
    Asked.MaxFrameBytes = MaxFrame;
  if (MaxCandidate.getNumOccurrences())
    Asked.MaxStackCandidateBytes = MaxCandidate;
  if (HeaderFilter.getNumOccurrences())
    Asked.HeaderFilter = HeaderFilter;
  Asked.SystemHeaders = SystemHeaders;
  Asked.ReportMaybe = ReportMaybe;
  Asked.SuggestAnnotations = SuggestAnnotations;
  Asked.NoDefaultModels = NoDefaultModels;
  Asked.ModelFiles = ModelFiles;
  escape::RunSettings Run =
      escape::resolveSettings(Asked, Tidy ? &*Tidy : nullptr);
  if (std::string Why; !Run.HeaderFilter.empty() &&
                       !llvm::Regex(Run.HeaderFilter).isValid(Why)) {
    WithColor::error(errs(), "clang-escape")
        << "invalid header filter '" << Run.HeaderFilter << "'"
        << (HeaderFilter.getNumOccurrences() || !Tidy
                ? ""
                : " (HeaderFilterRegex of '" + Tidy->Path + "')")
        << ": " << Why << "\n";
    return 2;
  }
  // A project's own .clang-tidy written for other checks (`Checks:
  // '-*,readability-*'`) would silence the whole run.
  if (!Run.enablesAny())
    WithColor::warning(errs(), "clang-escape")
        << "no check is enabled (Checks: '" << Run.Checks << "'"
        << (Tidy && Tidy->Checks ? ", from '" + Tidy->Path + "'" : "")
        << "); nothing will be reported (--no-config ignores the "
           ".clang-tidy file, --checks=escape-* turns the checks on)\n";

  escape::ModelTable Models;
  if (!Run.NoDefaultModels) {
    std::string Exe =
        llvm::sys::fs::getMainExecutable(Argv[0], (void *)&printVersion);
    std::string Shipped = escape::shippedModelsPath(Exe);
    // A binary copied away from its installation analyzes without the
    // models of the library's executors and waits: its findings differ.
    if (Shipped.empty())
      WithColor::warning(errs(), "clang-escape")
          << "the shipped models (share/clang-escape/models.json above '"
          << llvm::sys::path::parent_path(Exe)
          << "') were not found; running without them "
             "(--no-default-models says so on purpose)\n";
    else if (Error E = Models.loadFile(Shipped)) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }
  }
  for (const std::string &F : Run.ModelFiles)
    if (Error E = Models.loadFile(F)) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }

  // After the settings were found from the first file of the database, so
  // that every shard extracts with the settings of a single run. A shard
  // may hold no file.
  if (InShard)
    llvm::erase_if(Files,
                   [&](const std::string &F) { return !InShard->owns(F); });

  escape::AnalysisOptions Opts;
  Opts.Build.Models = &Models;
  Run.applyTo(Opts);
  Opts.Build.CrashOn = DebugCrashOn;
  if (MaxSteps.getNumOccurrences())
    Opts.Build.MaxSteps = MaxSteps;
  // Also over the merge base's report (--diff-base), so that both leave
  // out the same findings.
  Opts.ReportFilter = [&Run](escape::Report &R) { Run.filter(R); };
  Opts.Jobs = Jobs == 0 ? llvm::hardware_concurrency().compute_thread_count()
                        : unsigned(Jobs);
#ifdef __GLIBC__
  // One job parses on a thread of its own (for its stack): in an arena of
  // its own, the link after it could not reuse the memory the parse freed.
  if (Opts.Jobs == 1)
    mallopt(M_ARENA_MAX, 1);
#endif
  // These outputs draw every function's graph after the run.
  Opts.KeepBodies = Format == "html" || Format == "dot" || !EmitClaims.empty();
  // Only -m and the HTML report show the remarks.
  Opts.Remarks = Level > 0 || Format == "html";

  if (!NoCache) {
    Opts.CacheDir = CacheDir;
    Opts.CacheSalt = escape::cacheSaltOf(
        llvm::sys::fs::getMainExecutable(Argv[0], (void *)&printVersion));
    Opts.CacheMaxBytes = CacheMaxBytes;
    Opts.ExtractOnly = ExtractOnly;
    Opts.LinkOnly = LinkOnly;
    Opts.SideOutputs = SideOutputs;
    std::optional<std::string> Build = buildDirArgument(Argc, Argv);
    if (Opts.CacheDir.empty() && Build)
      Opts.CacheDir = *Build + "/.clang-escape-cache";
    // With -p and some files, the rest of the database is followed through
    // what the cache holds of it.
    if (Build && !AllDB && !ExtractOnly) {
      std::vector<std::string> Given;
      for (const std::string &F : Files) {
        llvm::SmallString<256> Abs(F);
        llvm::sys::fs::make_absolute(Abs);
        llvm::sys::path::remove_dots(Abs, true);
        Given.push_back(std::string(Abs));
      }
      for (const std::string &F : DB.getAllFiles())
        if (std::find(Given.begin(), Given.end(), F) == Given.end())
          Opts.LinkFromCache.push_back(F);
    }
  }
  // Which files make which program: as the user says, else as CMake does.
  if (OneProgram && (ProgramArgs.size() || !ProgramsFile.empty())) {
    WithColor::error(errs(), "clang-escape")
        << "--one-program and --program/--programs contradict each other\n";
    return 2;
  }
  if (!ProgramsFile.empty()) {
    auto Read = escape::readProgramsFile(ProgramsFile);
    if (!Read) {
      WithColor::error(errs(), "clang-escape")
          << "--programs: " << toString(Read.takeError()) << "\n";
      return 2;
    }
    for (escape::ProgramSpec &P : *Read)
      escape::addProgram(Opts.Programs, std::move(P));
  }
  for (const std::string &A : ProgramArgs) {
    SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    auto P = escape::parseProgramSpec(A, Here);
    if (!P) {
      WithColor::error(errs(), "clang-escape")
          << "--program: " << toString(P.takeError()) << "\n";
      return 2;
    }
    escape::addProgram(Opts.Programs, std::move(*P));
  }
  std::optional<std::string> BuildDir = buildDirArgument(Argc, Argv);
  if (CMakeConfigure && !BuildDir) {
    WithColor::error(errs(), "clang-escape")
        << "--cmake-configure needs -p <build-dir>\n";
    return 2;
  }
  if (Opts.Programs.empty() && !OneProgram && !ExtractOnly &&
      ExtractUnit.empty() && BuildDir) {
    auto Found = escape::cmakePrograms(*BuildDir, CMakeConfigure);
    if (!Found) {
      WithColor::error(errs(), "clang-escape")
          << toString(Found.takeError()) << "\n";
      return 2;
    }
    if (!Found->Note.empty())
      WithColor::note(errs(), "clang-escape") << Found->Note << "\n";
    Opts.Programs = std::move(Found->Programs);
  }
  if (!ExtractUnit.empty()) {
    if (Error E = escape::extractOne(DB, ExtractUnit, Opts, ExtractTo)) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }
    return 0;
  }
  if (Timeout) {
    Opts.TimeoutSeconds = Timeout;
    // The same command line, the child's options before any "--".
    auto Dashes = llvm::find(CommandLine, "--");
    std::vector<std::string> Self(CommandLine.begin(), Dashes);
    Self[0] = llvm::sys::fs::getMainExecutable(Argv[0], (void *)&printVersion);
    std::vector<std::string> Flags(Dashes, CommandLine.end());
    Opts.Worker = [Self, Flags](const std::string &File,
                                const std::string &Out) {
      std::vector<std::string> Args = Self;
      Args.push_back("--extract-unit=" + File);
      Args.push_back("--extract-to=" + Out);
      Args.insert(Args.end(), Flags.begin(), Flags.end());
      return Args;
    };
  }
  escape::SourcePaths Paths(
      SourceRoot.empty() ? escape::defaultSourceRoot(".") : SourceRoot, Given);
  // Over a compilation database, one line per file, as run-clang-tidy
  // prints; otherwise a line on a terminal only, erased at the end.
  if (Quiet) {
  } else if (buildDirArgument(Argc, Argv))
    Opts.Progress = [&Paths](unsigned Done, unsigned Total,
                             const std::string &F, double Seconds) {
      errs() << "[" << Done << "/" << Total << "] " << Paths.shown(F) << " ("
             << format("%.1f", Seconds) << "s)\n";
    };
  else if (llvm::sys::Process::StandardErrIsDisplayed() && Files.size() > 1)
    Opts.Progress = [](unsigned Done, unsigned Total, const std::string &F,
                       double) {
      errs() << "\r\033[K[" << Done << "/" << Total << "] " << F;
      if (Done == Total)
        errs() << "\r\033[K";
      errs().flush();
    };

  auto Result = escape::analyzeFiles(DB, Files, Opts);
  if (!Result) {
    WithColor::error(errs(), "clang-escape")
        << toString(Result.takeError()) << "\n";
    return 2;
  }

  for (const std::string &W : Result->Warnings)
    WithColor::warning(errs(), "clang-escape") << W << "\n";
  for (const escape::AnalysisResult::Failure &F : Result->Crashed)
    WithColor::error(errs(), "clang-escape")
        << "crashed while analyzing '" << Paths.shown(F.File) << "'"
        << (F.Function.empty() ? "" : ", lowering '" + F.Function + "'")
        << "; nothing of it is reported (please report this bug with the "
           "file)\n";
  for (const escape::AnalysisResult::Conservative &G : Result->Conservatives)
    WithColor::warning(errs(), "clang-escape")
        << "'" << G.Name << "' (" << Paths.shown(G.Pos.File) << ":"
        << G.Pos.Line << ") analyzed conservatively: " << G.Why << "\n";
  for (const std::string &F : Result->Skipped)
    WithColor::warning(errs(), "clang-escape")
        << "'" << Paths.shown(F) << "' skipped: its parsing took longer than "
        << Timeout << " s (--timeout); nothing of it is reported\n";
  for (const std::string &F : Result->OdrMismatches) {
    // "name\tfile\tline" (Program::odrMismatches).
    llvm::SmallVector<llvm::StringRef, 3> Parts;
    llvm::StringRef(F).split(Parts, '\t');
    WithColor::warning(errs(), "clang-escape")
        << "'" << Parts[0] << "'"
        << (Parts.size() == 3 ? " (" + Paths.shown(Parts[1].str()) + ":" +
                                    Parts[2].str() + ")"
                              : std::string())
        << " has different definitions in different files (ODR); one is "
           "analyzed\n";
  }
  if (Stats) {
    errs() << "clang-escape: " << Result->Extracted << " parsed, "
           << Result->Cached << " from cache, " << Result->Linked
           << " linked from cache\n";
    if (!SideOutputs.empty())
      errs() << "clang-escape: " << Result->Collected
             << " side outputs of the build collected\n";
    if (!Opts.CacheDir.empty()) {
      escape::CacheUsage U = escape::cacheUsage(Opts.CacheDir);
      errs() << "clang-escape: cache: " << U.Bytes << " bytes, " << U.Entries
             << " file entries, " << U.Graphs << " function graphs\n";
    }
    errs() << "clang-escape: components: " << Result->SolvedComponents
           << " solved, " << Result->ReusedComponents
           << " reused from the previous run\n";
    if (!Result->Link.empty())
      errs() << "clang-escape: link: " << Result->Link << "\n";
  }
  if (ExtractOnly) {
    if (!Result->FilesWithErrors.empty())
      WithColor::error(errs(), "clang-escape")
          << Result->FilesWithErrors.size()
          << " file(s) did not compile cleanly; their findings will be "
             "partial\n";
    return Result->Crashed.empty() && !Unreadable &&
                   Result->FilesWithErrors.empty()
               ? 0
               : 2;
  }

  escape::assignFingerprints(Result->Rep, Paths);
  if (!DiffBase.empty()) {
    auto Base = escape::analyzeMergeBase(DiffBase, Paths, DB, Files, Opts);
    if (!Base) {
      WithColor::error(errs(), "clang-escape")
          << toString(Base.takeError()) << "\n";
      return 2;
    }
    for (const std::string &W : Base->Warnings)
      WithColor::warning(errs(), "clang-escape") << W << "\n";
    if (Stats)
      errs() << "clang-escape: merge base " << Base->Commit.substr(0, 12)
             << ": " << Base->Extracted << " parsed, " << Base->Cached
             << " from cache\n";
    Accepted = escape::makeBaseline(Base->Rep, Base->Paths);
  }
  std::optional<escape::Comparison> Compared;
  if (Accepted)
    Compared = escape::compare(Result->Rep, *Accepted);
  // SARIF marks each result new or unchanged; the other formats show only
  // the new ones.
  const escape::Report Shown = Compared && Format != "sarif"
                                   ? escape::onlyNew(Result->Rep, *Compared)
                                   : Result->Rep;

  std::string Text;
  raw_string_ostream OS(Text);
  bool UseColor =
      Output.empty() && Format == "text" && Level == 0 &&
      (Color == cl::BOU_TRUE || (Color == cl::BOU_UNSET &&
                                 llvm::sys::Process::StandardOutIsDisplayed()));
  if (Format == "json")
    escape::emitJson(Shown, OS, &Paths);
  else if (Format == "sarif") {
    escape::SarifRun Sarif;
    Sarif.Paths = Paths;
    Sarif.Against = Compared ? &*Compared : nullptr;
    Sarif.FilesWithErrors = Result->FilesWithErrors;
    Sarif.Skipped = Result->Skipped;
    escape::emitSarif(Shown, Sarif, OS);
  } else if (Format == "github")
    escape::emitGithub(Shown, Paths, OS);
  else if (Format == "codeclimate")
    escape::emitCodeClimate(Shown, Paths, OS);
  else if (Format == "html") {
    escape::HtmlReport Pages =
        escape::emitHtml(Result->Prog, Shown, Paths, Html);
    for (const std::string &W : Pages.Warnings)
      WithColor::warning(errs(), "clang-escape") << W << "\n";
    if (Error E = escape::writeDirectoryAtomically(Output, Pages.Files,
                                                   escape::HtmlReportMarker)) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }
  } else if (Format == "dot") {
    if (!escape::emitDot(Result->Prog, DotFunction, OS)) {
      WithColor::error(errs(), "clang-escape")
          << "no function named '" << DotFunction << "' in the files given\n";
      return 2;
    }
  } else if (Level > 0)
    escape::emitGoStyle(Shown, Level, OS, &Paths);
  else {
    escape::emitText(Shown, OS, UseColor, Caret, &Paths);
    if (Run.SuggestAnnotations)
      escape::emitFixItRemarks(Shown, OS);
  }
  OS.flush();
  if (Format == "html") {
    // Written above, as a directory.
  } else if (Output.empty()) {
    outs() << Text;
    outs().flush();
  } else if (Error E = escape::writeFileAtomically(Output, Text)) {
    WithColor::error(errs(), "clang-escape") << toString(std::move(E)) << "\n";
    return 2;
  }
  if (!EmitClaims.empty()) {
    std::string Claims;
    raw_string_ostream CS(Claims);
    escape::emitClaims(Result->Prog, CS);
    if (Error E = escape::writeFileAtomically(EmitClaims, CS.str())) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }
  }

  if (!ExportFixes.empty()) {
    std::string Yaml;
    raw_string_ostream YS(Yaml);
    escape::emitFixesYaml(Result->Rep, YS);
    YS.flush();
    if (Error E = escape::writeFileAtomically(ExportFixes, Yaml)) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }
  }

  if (!WriteBaseline.empty())
    if (Error E = escape::writeFileAtomically(
            WriteBaseline,
            escape::baselineText(escape::makeBaseline(
                Result->Rep, Paths, Previous ? &*Previous : nullptr)))) {
      WithColor::error(errs(), "clang-escape")
          << toString(std::move(E)) << "\n";
      return 2;
    }
  if (Compared)
    escape::emitGone(*Compared, errs());

  if (!Result->Crashed.empty() || Unreadable)
    return 2;
  if (!Result->FilesWithErrors.empty()) {
    WithColor::error(errs(), "clang-escape")
        << Result->FilesWithErrors.size()
        << " file(s) did not compile cleanly; their findings are partial\n";
    return 2;
  }
  if (Compared && FailOnFixed && !Compared->Fixed.empty()) {
    WithColor::error(errs(), "clang-escape")
        << "findings of the baseline are gone (--fail-on-fixed); rewrite it "
           "with --write-baseline\n";
    return 1;
  }
  // Writing a baseline accepts what it records.
  if (!WriteBaseline.empty() && !Compared)
    return 0;
  return escape::hasNewBug(Result->Rep, Compared ? &*Compared : nullptr) ? 1
                                                                         : 0;
}
