//===- Fingerprint.h - Line-independent identity of a finding ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GATE_FINGERPRINT_H
#define CLANG_ESCAPE_GATE_FINGERPRINT_H

#include "clang-escape/Report/Finding.h"
#include "clang-escape/Support/SourcePaths.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace escape {

/// The name of our fingerprint in SARIF partialFingerprints and baselines.
inline constexpr const char *FingerprintKey = "escapeFingerprint/v1";

/// The identity of a finding: a hash of the check, the file relative to the
/// source root, the function (lambda line numbers left out), the subject,
/// the sink and the escaping statement's text without whitespace. Line and
/// column numbers, the checkout directory and the flow are not part of it.
std::string fingerprint(const Finding &F, llvm::StringRef RelativeFile,
                        llvm::StringRef Statement);

/// Sets Finding::Fingerprint of every finding of \p R.
void assignFingerprints(Report &R, const SourcePaths &Paths);

/// For each finding of \p R (sorted by position), how many findings before
/// it share its fingerprint: two identical escapes in one function are two.
std::vector<unsigned> occurrenceIndexes(const Report &R);

} // namespace escape

#endif
