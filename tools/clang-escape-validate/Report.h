//===- Report.h - Readable summary and JSON report --------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The summary prints one line per claim in compiler style,
//   file:line: VERDICT: function: heap 'Node' claimed not to escape: detail
// followed by a totals line. The JSON report carries the same verdicts with
// the evidence counters of each function (schema in docs/Runtime.md).
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_REPORT_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_REPORT_H

#include "Verdicts.h"

#include <ostream>

namespace escape::validate {

/// Run-wide facts shown in reports.
struct ReportContext {
  const ClaimsFile *Claims = nullptr;
  const Observations *Obs = nullptr;
  std::vector<std::string> Program;
  unsigned Sample = 1;
};

void writeSummary(std::ostream &OS, const ReportContext &Ctx,
                  const std::vector<FunctionVerdicts> &Verdicts);

void writeJsonReport(std::ostream &OS, const ReportContext &Ctx,
                     const std::vector<FunctionVerdicts> &Verdicts);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_REPORT_H
