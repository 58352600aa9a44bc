//===- Verdicts.h - From observations to a verdict per claim ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Heap claims are matched to observed allocation sites by source line (the
// return address inside the claimed function, symbolized). Stack claims are
// matched to dangling addresses by the variable's frame offset when the
// debug info gives one, otherwise at function level: with a single stack
// claim, or with only "does not escape" claims, any address into the dying
// frame refutes them.
//
//   does not escape: UNSOUND if seen escaping in any run (with the witness),
//                    CONFIRMED if seen not escaping and never escaping.
//   escapes:         CONFIRMED if seen escaping in some run,
//                    IMPRECISE if seen only not escaping (coverage-bounded).
//   otherwise:       UNVERIFIED (activations ran but could not be checked)
//                    or UNOBSERVED (nothing ran), with the reason.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_VERDICTS_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_VERDICTS_H

#include "ClaimsFile.h"
#include "Observations.h"

#include <map>
#include <string>
#include <vector>

namespace escape::validate {

enum class Verdict { Confirmed, Unsound, Imprecise, Unverified, Unobserved };

/// The upper-case name used in reports ("UNSOUND", ...).
const char *verdictName(Verdict V);

/// A local's place in the frame, from the debug info.
struct FrameSlot {
  long long CFAOffset = 0;
  unsigned long long Size = 0;
};

/// A claimed function that is not judged against the program's function of
/// the same symbol (another file's definition, or one that cannot be told
/// apart from it): every claim gets this verdict and detail.
struct Exclusion {
  Verdict V;
  std::string Detail;
};

/// The verdict on one claim.
struct ClaimVerdict {
  bool IsHeap = true;
  size_t Index = 0; ///< In FunctionClaims::Heap or ::Stack.
  Verdict V = Verdict::Unobserved;
  std::string Detail; ///< Witness for UNSOUND/CONFIRMED-escape, or reason.
  uint64_t EscapedCount = 0, NotEscapedCount = 0;
};

/// Verdicts for one function.
struct FunctionVerdicts {
  const FunctionClaims *Fn = nullptr;
  const FunctionObservation *Obs = nullptr;
  std::vector<ClaimVerdict> Claims;
  /// Escaping allocations at lines with no claim (e.g. made by a callee).
  std::vector<const SiteObservation *> Unclaimed;
};

/// Judges every claim. \p RuntimeId maps a function index to its runtime
/// id (-1: nothing to check). \p Slots gives frame slots per function index.
std::vector<FunctionVerdicts>
judge(const ClaimsFile &Claims, const std::vector<int> &RuntimeId,
      const Observations &Obs,
      const std::map<size_t, std::map<std::string, FrameSlot>> &Slots,
      const std::map<size_t, Exclusion> &Excluded);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_VERDICTS_H
