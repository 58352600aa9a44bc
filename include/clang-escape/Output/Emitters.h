//===- Emitters.h - Output formats of a report ------------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// One format per file: TextEmitter.cpp (clang-style diagnostics),
// GoEmitter.cpp (-m, -m=2), JsonEmitter.cpp (the versioned JSON schema),
// ClaimsEmitter.cpp (claims for the validation runtime, docs/Runtime.md),
// SarifEmitter.cpp (SARIF 2.1.0), GithubEmitter.cpp (workflow commands),
// CodeClimateEmitter.cpp (GitLab Code Quality), GoneEmitter.cpp (baseline
// entries that are gone), DotEmitter.cpp (a function's escape graph),
// HtmlEmitter.cpp (a browsable report, docs/Reports.md). File
// names are shown through SourcePaths when one is given: as the user named
// them.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_OUTPUT_EMITTERS_H
#define CLANG_ESCAPE_OUTPUT_EMITTERS_H

#include "clang-escape/Gate/Baseline.h"
#include "clang-escape/Report/Finding.h"
#include "clang-escape/Support/SourcePaths.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace escape {

class Program;

/// Version of the JSON output schema (docs/JSON.md).
constexpr int JsonSchemaVersion = 1;

/// One note line under a finding.
struct FindingNote {
  SourcePos Pos;
  std::string Text;
};

/// The notes every surface prints under \p F: where its subject is
/// declared (unless on the finding's line), then the flow.
std::vector<FindingNote> findingNotes(const Finding &F);

/// The note at a finding's subject: "'x' declared here" for a variable,
/// "made here: new T" for an allocation or another unnamed object.
std::string subjectNote(const Finding &F);

/// clang-style diagnostics with caret, flow notes and the check name.
void emitText(const Report &R, llvm::raw_ostream &OS, bool Color,
              bool Caret = true, const SourcePaths *Paths = nullptr);

/// Go's -m (Level 1: decisions) and -m=2 (Level 2: with flows).
void emitGoStyle(const Report &R, unsigned Level, llvm::raw_ostream &OS,
                 const SourcePaths *Paths = nullptr);

/// Proven annotations as clang-style remarks with the text to insert.
void emitFixItRemarks(const Report &R, llvm::raw_ostream &OS);

/// Proven annotations in clang-tidy's export-fixes YAML, which
/// clang-apply-replacements applies.
void emitFixesYaml(const Report &R, llvm::raw_ostream &OS);

/// The JSON document of docs/JSON.md.
void emitJson(const Report &R, llvm::raw_ostream &OS,
              const SourcePaths *Paths = nullptr);

/// What SARIF says about a run besides its findings.
struct SarifRun {
  /// URIs are relative to its root.
  SourcePaths Paths;
  /// New or unchanged, per finding; null without a baseline.
  const Comparison *Against = nullptr;
  /// Files that did not compile cleanly, and files skipped after a timeout.
  std::vector<std::string> FilesWithErrors;
  std::vector<std::string> Skipped;
  /// runs[].automationDetails.id; GitHub takes what ends at its last '/' as
  /// the category.
  std::string AutomationId = "clang-escape/";
};

/// SARIF 2.1.0 as GitHub code scanning reads it: one rule per check (from
/// docs/checks), codeFlows for the flow, our fingerprint, baselineState.
void emitSarif(const Report &R, const SarifRun &Run, llvm::raw_ostream &OS);

/// GitHub Actions workflow commands: one annotation per finding.
void emitGithub(const Report &R, const SourcePaths &Paths,
                llvm::raw_ostream &OS);

/// The entries of a baseline that are gone, for stderr: a count, then one
/// line each.
void emitGone(const Comparison &C, llvm::raw_ostream &OS);

/// A GitLab Code Quality report (Code Climate issues).
void emitCodeClimate(const Report &R, const SourcePaths &Paths,
                     llvm::raw_ostream &OS);

/// Version of the claims file read by clang-escape-validate (docs/Runtime.md).
constexpr int ClaimsSchemaVersion = 1;

/// The claims file of docs/Runtime.md: for each function of the main files,
/// whether each allocation site and each local whose address is taken
/// escapes it, and what it returns.
void emitClaims(const Program &P, llvm::raw_ostream &OS);

/// The solved escape graphs of the main files' functions named \p Function
/// ("ns::f", or "f" in any scope; all when empty) as one Graphviz digraph,
/// escape paths in red. Returns how many functions it drew.
unsigned emitDot(const Program &P, llvm::StringRef Function,
                 llvm::raw_ostream &OS);

/// How the HTML report is made.
struct HtmlOptions {
  /// The Graphviz dot program that lays out the escape graphs; empty: a
  /// layered layout of our own.
  std::string DotProgram;
  /// Graphs with more nodes are not drawn (--format=dot draws them).
  unsigned MaxGraphNodes = 300;
};

/// The files of an HTML report, relative to its directory, and what went
/// wrong without stopping it (dot failed: our own layout was used).
struct HtmlReport {
  std::vector<std::pair<std::string, std::string>> Files;
  std::vector<std::string> Warnings;
};

/// The file that marks a directory as an HTML report: a run replaces only
/// such a directory (or an empty one).
constexpr const char *HtmlReportMarker = ".clang-escape-report";

/// A self-contained HTML report of \p R (docs/Reports.md): index.html with
/// counts and a table of every finding, a page per source file with the
/// findings, -m decisions and flow steps on the code and the escape graphs
/// of its functions as SVG, program.html with the functions' leaking
/// parameters.
HtmlReport emitHtml(const Program &P, const Report &R, const SourcePaths &Paths,
                    const HtmlOptions &Opts);

} // namespace escape

#endif
