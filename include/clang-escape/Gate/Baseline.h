//===- Baseline.h - Findings accepted so far, and what is new --*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A baseline is a committed JSON file (docs/CI.md) that counts the findings
// of each fingerprint. A run compared with it reports the findings whose
// fingerprint is not in it or whose count grew; entries whose count shrank
// are fixed.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GATE_BASELINE_H
#define CLANG_ESCAPE_GATE_BASELINE_H

#include "clang-escape/Report/Finding.h"
#include "clang-escape/Support/SourcePaths.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace escape {

/// Version of the baseline file format.
inline constexpr int BaselineVersion = 1;

/// The findings of one fingerprint.
struct BaselineEntry {
  std::string Fingerprint;
  std::string Check;
  std::string File; ///< relative to the source root
  std::string Function;
  std::string Message;
  unsigned Count = 0;
  /// Why these findings are accepted; kept when the baseline is rewritten.
  std::string Justification;
};

/// Entries sorted by file, function, check and fingerprint.
struct Baseline {
  std::vector<BaselineEntry> Entries;

  const BaselineEntry *find(llvm::StringRef Fingerprint) const;
};

/// The baseline of \p R's findings (fingerprints assigned); justifications
/// are taken from \p Previous where the fingerprint is the same.
Baseline makeBaseline(const Report &R, const SourcePaths &Paths,
                      const Baseline *Previous = nullptr);

/// Reads a baseline file. A file that is not one, or of another version, is
/// an error: never "every finding is new".
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

/// The baseline as the JSON text of docs/CI.md.
std::string baselineText(const Baseline &B);

/// How a finding relates to the baseline (SARIF's baselineState).
enum class BaselineState { New, Unchanged };

/// A run compared with a baseline.
struct Comparison {
  /// Per finding of the report, in its order.
  std::vector<BaselineState> States;
  /// Per finding: the justification of its baseline entry, if unchanged.
  std::vector<std::string> Justifications;
  /// Entries with fewer findings now; Count is how many are gone.
  std::vector<BaselineEntry> Fixed;

  bool isNew(size_t Finding) const {
    return States[Finding] == BaselineState::New;
  }
};

/// Compares \p R with \p B: per fingerprint, the first findings (in position
/// order) up to the baseline's count are unchanged, the rest are new.
Comparison compare(const Report &R, const Baseline &B);

/// \p R with only the findings \p C calls new.
Report onlyNew(const Report &R, const Comparison &C);

/// Whether \p R has a bug-class finding that is new: that \p C calls new,
/// or any without a comparison. What makes the exit status 1.
bool hasNewBug(const Report &R, const Comparison *C);

} // namespace escape

#endif
