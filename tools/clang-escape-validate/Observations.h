//===- Observations.h - What the runtime saw, across runs -------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The runtime writes one JSON object per line to ESCRT_OUT at exit: a "run"
// record, then per claimed function a "function" record with activation
// counters, "site" records (allocation sites by return address inside the
// function: escaped / freed / unreachable counts and the first witness) and
// "frame" records (addresses into the dying frame, by offset from the CFA,
// with the first witness). This file merges those records over runs and
// maps site addresses to source lines with llvm-symbolizer.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_OBSERVATIONS_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_OBSERVATIONS_H

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace escape::validate {

/// One allocation site of a function, merged over runs.
struct SiteObservation {
  std::string Module;
  uint64_t PC = 0; ///< Module-relative address of the call (0 = unknown).
  uint64_t Escaped = 0, Freed = 0, Unreachable = 0;
  /// Bytes of the objects counted above, and of the escaped ones.
  uint64_t Bytes = 0, EscapedBytes = 0;
  std::string Witness;
  std::string File; ///< From the symbolizer; empty if unknown.
  unsigned Line = 0;
};

/// One dangling address into the function's frame, merged over runs.
struct FrameObservation {
  long long Offset = 0; ///< From the CFA (negative: inside the frame).
  uint64_t Count = 0;   ///< Stored during the activation.
  uint64_t Stale = 0;   ///< Same location and value as at entry.
  std::string Witness;
};

/// Counters of one claimed function, summed over runs.
struct FunctionObservation {
  bool Found = false;
  uint64_t Activations = 0, SampledOut = 0, Unhookable = 0, Inlined = 0,
           OtherThread = 0, Threads = 0, Exception = 0, Abandoned = 0,
           Checked = 0, Traced = 0, SkippedNoCandidate = 0, StackChecked = 0,
           LogOverflow = 0, SiteOverflow = 0;
  /// Objects or frame hits the runtime could not track (tables full).
  uint64_t CandidateOverflow = 0;
  std::map<std::pair<std::string, uint64_t>, SiteObservation> Sites;
  std::map<long long, FrameObservation> Frames;
};

/// How one run of the program ended.
struct RunRecord {
  int ExitCode = 0; ///< Exit status, or 128+signal.
  bool Observed = false;
  uint64_t ThreadRefusals = 0;
  std::string Problem; ///< Why there are no observations.
};

/// All observations, indexed by the runtime function id.
struct Observations {
  std::vector<FunctionObservation> Functions;
  std::vector<RunRecord> Runs;
};

/// Merges the observation file \p Path into \p Obs. Returns false with
/// \p Error (naming the file) if it is malformed.
bool mergeObservationFile(const std::string &Path, Observations &Obs,
                          std::string &Error);

/// Fills File/Line of every site with \p Symbolizer (llvm-symbolizer).
/// Returns false with \p Error if the symbolizer cannot be run.
bool symbolizeSites(Observations &Obs, const std::string &Symbolizer,
                    std::string &Error);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_OBSERVATIONS_H
