//===- Emitters.h - Output formats of a report ------------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// One format per file: TextEmitter.cpp (clang-style diagnostics),
// GoEmitter.cpp (-m, -m=2), JsonEmitter.cpp (the versioned JSON schema),
// ClaimsEmitter.cpp (claims for the validation runtime, docs/Runtime.md).
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_OUTPUT_EMITTERS_H
#define CLANG_ESCAPE_OUTPUT_EMITTERS_H

#include "clang-escape/Report/Finding.h"

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

/// clang-style diagnostics with caret, flow notes and the check name.
void emitText(const Report &R, llvm::raw_ostream &OS, bool Color,
              bool Caret = true);

/// Go's -m (Level 1: decisions) and -m=2 (Level 2: with flows).
void emitGoStyle(const Report &R, unsigned Level, llvm::raw_ostream &OS);

/// Proven annotations as clang-style remarks with the text to insert.
void emitFixItRemarks(const Report &R, llvm::raw_ostream &OS);

/// Proven annotations in clang-tidy's export-fixes YAML, which
/// clang-apply-replacements applies.
void emitFixesYaml(const Report &R, llvm::raw_ostream &OS);

/// The JSON document of docs/JSON.md.
void emitJson(const Report &R, llvm::raw_ostream &OS);

/// Version of the claims file read by clang-escape-validate (docs/Runtime.md).
constexpr int ClaimsSchemaVersion = 1;

/// The claims file of docs/Runtime.md: for each function of the main files,
/// whether each allocation site and each local whose address is taken
/// escapes it, and what it returns.
void emitClaims(const Program &P, llvm::raw_ostream &OS);

} // namespace escape

#endif
