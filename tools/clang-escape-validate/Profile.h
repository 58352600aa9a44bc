//===- Profile.h - The heap profile of the claimed functions ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// --profile: per allocation site of the claimed functions (function and
// source line), the objects and bytes allocated during the checked
// activations over all runs, and how many of them escaped; joined with
// clang-escape's findings (--findings, its JSON output): the
// escape-stack-candidate findings ranked by the bytes they would have kept
// on the stack, the escape-type-erasure ones by their allocations. Written
// as JSON and as pprof's text `top` (flat flat% sum% cum cum% site).
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_PROFILE_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_PROFILE_H

#include "ClaimsFile.h"
#include "Observations.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace escape::validate {

/// What the runs allocated somewhere, and how much of it escaped.
struct AllocCounts {
  uint64_t Objects = 0, Bytes = 0, EscapedObjects = 0, EscapedBytes = 0;
  void add(const AllocCounts &O) {
    Objects += O.Objects;
    Bytes += O.Bytes;
    EscapedObjects += O.EscapedObjects;
    EscapedBytes += O.EscapedBytes;
  }
};

/// The allocations at one source line of one function.
struct ProfileSite : AllocCounts {
  std::string Function, File;
  unsigned Line = 0;
};

/// A perf finding of clang-escape with what the runs allocated at its line.
struct ProfiledFinding : AllocCounts {
  std::string Check, File, Function, Subject, Message;
  unsigned Line = 0;
  bool Observed = false;
  /// The stack would have held the objects that did not escape.
  uint64_t bytesSaved() const { return Bytes - EscapedBytes; }
};

struct HeapProfile {
  unsigned Runs = 0, Sample = 1;
  std::vector<ProfileSite> Sites;               ///< by bytes, most first
  std::vector<ProfiledFinding> StackCandidates; ///< by bytes saved
  std::vector<ProfiledFinding> TypeErasure;     ///< by objects
};

/// The sites of every claimed function (\p RuntimeId as for judge()),
/// joined with the findings of \p FindingsPath when it is not empty. False
/// with \p Error when the findings file cannot be read.
bool makeProfile(const ClaimsFile &Claims, const std::vector<int> &RuntimeId,
                 const Observations &Obs, const std::string &FindingsPath,
                 HeapProfile &Out, std::string &Error);

void writeProfileJson(std::ostream &OS, const HeapProfile &P);

/// pprof's `top`: one table per ranking.
void writeProfileTop(std::ostream &OS, const HeapProfile &P);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_PROFILE_H
