//===- Driver.h - Run the analysis over translation units ------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_DRIVER_H
#define CLANG_ESCAPE_FRONTEND_DRIVER_H

#include "clang-escape/Build/GraphBuilder.h"
#include "clang-escape/Frontend/ProgramGroups.h"
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Report/Finding.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
namespace tooling {
class CompilationDatabase;
} // namespace tooling
} // namespace clang

namespace escape {

/// Everything that tunes one analysis run.
struct AnalysisOptions {
  BuildOptions Build;
  ReportOptions Report;
  /// Translation units parsed at once.
  unsigned Jobs = 1;
  /// Where extracted graphs are cached between runs; empty: no cache.
  std::string CacheDir;
  /// Distinguishes builds of the tool that share a version number (the
  /// executable's size and content hash): another build never reads our
  /// entries.
  std::string CacheSalt;
  /// Other files of the program whose cached graphs (if current) are linked
  /// in, so that their functions are followed, without parsing or
  /// reporting them.
  std::vector<std::string> LinkFromCache;
  /// The programs of the database (an executable and the libraries it
  /// links): each is linked on its own, the files in none together. Empty:
  /// every file is one program.
  std::vector<ProgramSpec> Programs;
  /// analyzeParsedTU: also store the unit's graphs in CacheDir under its
  /// command in the database, so that analyzeFiles need not parse it.
  bool StoreParsedTU = false;
  /// Applied to the report before it is returned (the checks, maybe-findings
  /// and NOLINT comments a run leaves out), while the files it names exist:
  /// a --diff-base run's checkout is removed afterwards.
  std::function<void(escape::Report &)> ReportFilter;
  /// Called after each translation unit (done, total, file, seconds it
  /// took), from any thread but never concurrently.
  std::function<void(unsigned, unsigned, const std::string &, double)> Progress;
  /// For a run over another checkout of the same sources (--diff-base):
  /// files below AliasFrom are cached as their counterparts below AliasTo,
  /// so that what did not change is taken from the entries of the main
  /// checkout. Such a run only reads the cache.
  std::string AliasFrom, AliasTo;
  /// Seconds after which the parsing of one translation unit is abandoned
  /// and the file reported as skipped; 0: no limit.
  unsigned TimeoutSeconds = 0;
  /// analyzeParsedTU: also write the unit, with its graphs and the hashes of
  /// the files it read, to this file (the compiler plugin's side output,
  /// beside the object file); empty: none.
  std::string SideOutput;
  /// Side outputs to collect into the cache before the run: files, or
  /// directories searched for *.escape files (a build tree).
  std::vector<std::string> SideOutputs;
  /// --extract-only: parse each file the cache lacks and store it (also when
  /// it did not compile cleanly, as its findings would be partial); no
  /// linking, no report.
  bool ExtractOnly = false;
  /// --link-only: take every unit from the cache and parse none; a unit the
  /// cache has no current entry for is an error naming it.
  bool LinkOnly = false;
  /// Keep every function's body and solution after the run (the HTML report,
  /// --format=dot, --emit-claims read them). Otherwise, with a cache, the
  /// link holds summaries: bodies are read from the cache when their
  /// component is solved and reported, and dropped after.
  bool KeepBodies = false;
  /// The report's -m remarks are shown (-m, the HTML report). Without
  /// them, a run that reuses the previous link neither copies nor sorts
  /// the remarks of every function.
  bool Remarks = true;
  /// After the run, least recently used entries are pruned until the cache
  /// holds at most this many bytes; 0: no limit.
  uint64_t CacheMaxBytes = 0;
  /// With a timeout: the command line of a child process that parses a file
  /// and writes it where extractOne() does (file, output).
  std::function<std::vector<std::string>(const std::string &,
                                         const std::string &)>
      Worker;
};

/// The outcome of a run: the report, and the inputs that were not clean.
struct AnalysisResult {
  Program Prog;
  Report Rep;
  /// Files that did not compile cleanly; their findings are partial.
  std::vector<std::string> FilesWithErrors;
  /// Translation units parsed in this run, and those taken from the cache.
  unsigned Extracted = 0;
  unsigned Cached = 0;
  /// Other files of the program linked in from the cache.
  unsigned Linked = 0;
  /// Side outputs of the build stored into the cache (SideOutputs).
  unsigned Collected = 0;
  /// Components of the call graph solved in this run, and those whose
  /// solution the previous run left in the cache (SolutionCache).
  unsigned SolvedComponents = 0;
  unsigned ReusedComponents = 0;
  /// Problems that did not stop the run (an unreadable cache entry).
  std::vector<std::string> Warnings;
  /// How the program was linked: "full", or "incremental" when the
  /// previous run's link state applied (LinkState.h), with why not.
  std::string Link;
  /// Functions of the files reported on that were analyzed conservatively,
  /// and functions with different definitions in different files (ODR).
  struct Conservative {
    std::string Name;
    SourcePos Pos;
    std::string Why;
  };
  std::vector<Conservative> Conservatives;
  std::vector<std::string> OdrMismatches;
  /// Files whose parsing ran out of time (--timeout); nothing of them is
  /// reported.
  std::vector<std::string> Skipped;
  /// Files whose analysis crashed; nothing of them is reported.
  struct Failure {
    std::string File;
    /// The function being lowered when it crashed ("f at a.cpp:3:5"), or
    /// empty when the crash was elsewhere (in Clang's parser).
    std::string Function;
  };
  std::vector<Failure> Crashed;
};

/// Parses each of \p Files with the flags \p DB gives it, lowers its
/// functions, links all of them into one program (so that a callee defined
/// in another file is followed) and reports on them.
llvm::Expected<AnalysisResult>
analyzeFiles(const clang::tooling::CompilationDatabase &DB,
             const std::vector<std::string> &Files,
             const AnalysisOptions &Opts);

/// What every parse of a file for the analysis does to its compile command:
/// syntax only, no output, no compiler warnings, our Clang's resource
/// directory. The LSP server parses its buffers itself, with the same flags.
clang::tooling::ArgumentsAdjuster analysisArgumentsAdjuster();

/// Parses \p File alone and writes its graphs to \p Out, in the cache's
/// format: what the child process of AnalysisOptions::Worker does.
llvm::Error extractOne(const clang::tooling::CompilationDatabase &DB,
                       const std::string &File, const AnalysisOptions &Opts,
                       const std::string &Out);

/// Analyzes the one translation unit a host has already parsed (a
/// clang-tidy check, a compiler plugin), the way analyzeFiles analyzes each
/// of its files; \p DB and Opts.LinkFromCache name the rest of the program
/// that the cache holds. \p HadErrors: the host saw compile errors.
llvm::Expected<AnalysisResult>
analyzeParsedTU(clang::ASTContext &Ctx, bool HadErrors,
                const clang::tooling::CompilationDatabase *DB,
                const AnalysisOptions &Opts);

} // namespace escape

#endif
