//===- MergedReport.h - One report from several programs --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// When a database holds several programs, each is linked and solved on its
// own; their reports become one. A finding in a library file reached from
// several programs is reported once and names them all.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_MERGEDREPORT_H
#define CLANG_ESCAPE_FRONTEND_MERGEDREPORT_H

#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Report/Finding.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace escape {

/// Gathers the reports of the programs of one run.
class MergedReport {
public:
  /// Adds the report \p Rep of the program \p Name (empty: the files in no
  /// program), solved in \p P. The functions the surfaces may draw move
  /// into \p Into: each function once, unless a finding of another program
  /// needs its own copy.
  void add(const std::string &Name, Program &&P, Report &&Rep, Program &Into);
  /// The merged report, sorted by position; each finding of a named
  /// program ends its flow with the programs it was found in.
  Report take();

private:
  using Place =
      std::tuple<std::string, unsigned, unsigned, std::string, std::string>;
  Report Out;
  std::map<Place, size_t> FindingAt;
  std::vector<std::vector<std::string>> Programs;
  std::set<Place> Remarks, FixIts;
  /// The functions already in Into, by key and position.
  std::set<Place> Drawn;
};

} // namespace escape

#endif
