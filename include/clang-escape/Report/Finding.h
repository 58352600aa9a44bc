//===- Finding.h - What the analysis reports --------------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_REPORT_FINDING_H
#define CLANG_ESCAPE_REPORT_FINDING_H

#include "clang-escape/Graph/EscapeGraph.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace escape {

class Program;
struct SolvedFunction;

/// bug: a dangling address; perf: an optimization opportunity.
enum class FindingClass { Bug, Perf };

/// One reported finding, rendered by every output format.
struct Finding {
  std::string Check; ///< escape-return, escape-stack-candidate, ...
  FindingClass Class = FindingClass::Bug;
  bool Maybe = false; ///< a conservative default is involved.
  SourcePos Pos;      ///< the escaping statement.
  std::string Function;
  std::string Subject;  ///< the local, temporary, allocation or parameter.
  SourcePos SubjectPos; ///< where the subject is declared.
  std::string Sink;     ///< ~r0, {heap}, {global g}, {*this}, ...
  std::string Message;
  /// Line-independent identity, for baselines; set by assignFingerprints()
  /// (lib/Gate), which knows the source root.
  std::string Fingerprint;
  std::vector<Note> Flow; ///< the explanation, innermost step first.
  /// Where the finding lies in the program it was made from, for the
  /// surfaces that draw it (the HTML report): the function's index in
  /// Program::graphs(), its subject's location and the path of edges (into
  /// SolvedFunction::Edges) that the flow follows; -1 and empty when not
  /// known.
  int Graph = -1;
  int SubjectLoc = -1;
  std::vector<int> Path;

  const char *className() const {
    return Class == FindingClass::Bug ? "bug" : "perf";
  }
  const char *severity() const {
    return Class == FindingClass::Bug ? "warning" : "remark";
  }
  const char *confidence() const { return Maybe ? "maybe" : "definite"; }
};

/// One Go-style -m decision line, with its -m=2 explanation.
struct Remark {
  SourcePos Pos;
  std::string Message;
  std::vector<std::string> Explain;
};

/// An annotation the analysis proved right: a text to insert.
struct FixIt {
  std::string Check; ///< escape-annotate-lifetimebound, ...-noescape
  SourcePos At;      ///< the insertion point (after the parameter name)
  std::string Text;  ///< " [[clang::lifetimebound]]"
  std::string Message;
};

/// Options of the reporting step.
struct ReportOptions {
  /// Also report escapes that rest on a conservative assumption.
  bool IncludeMaybe = false;
  uint64_t MaxStackCandidateBytes = 64 * 1024;
};

/// Everything the analysis says about the files it reports on.
struct Report {
  std::vector<Finding> Findings;
  std::vector<Remark> Remarks;
  std::vector<FixIt> FixIts;
};

/// Turns a solved program into findings and -m remarks, for the functions
/// defined in the files being reported on. Sorted by position.
Report makeReport(const Program &P, const ReportOptions &Opts);

/// Sorts the findings and remarks of \p R by position, keeping the order of
/// those at the same place.
void sortByPosition(Report &R);

/// What a finding's subject is merged by: itself, or for a temporary its
/// type's template name, so that a temporary made in a template is one
/// finding for all its instantiations (and programs).
std::string mergedSubject(const std::string &Subject);

/// makeReport() function by function, as Program::solve() finishes them:
/// the report of a program whose bodies are dropped once solved.
class ReportBuilder {
public:
  /// \p P linked (its call graph known), not yet solved.
  ReportBuilder(const Program &P, const ReportOptions &Opts);
  /// Without the program: \p Called holds the keys of the functions added
  /// with add() that something calls.
  ReportBuilder(std::set<std::string> Called, const ReportOptions &Opts)
      : Opts(Opts), Called(std::move(Called)) {}
  /// Function \p Index of P.graphs(), with its body and its solution.
  void add(size_t Index, const FunctionGraph &G, const SolvedFunction &S);
  /// What an earlier run's add() said of the component starting at graph
  /// \p Base (Finding::Graph counted from it), reused as it was.
  void addReported(size_t Base, const std::vector<Finding> &Findings,
                   const std::vector<Remark> &Remarks,
                   const std::vector<FixIt> &FixIts);
  /// Whether something in the program calls the function \p Key.
  bool called(const std::string &Key) const { return Called.count(Key); }
  /// What add() produced so far, in order.
  const Report &sofar() const { return Out; }
  /// The report: one finding per statement, subject and check, sorted.
  Report take();

private:
  ReportOptions Opts;
  /// The keys of the functions something calls.
  std::set<std::string> Called;
  Report Out;
};

} // namespace escape

#endif
