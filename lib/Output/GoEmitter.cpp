//===- GoEmitter.cpp - Go's -m and -m=2 -----------------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"

#include "llvm/Support/raw_ostream.h"

namespace escape {

void emitGoStyle(const Report &R, unsigned Level, llvm::raw_ostream &OS,
                 const SourcePaths *Paths) {
  auto Prefix = [&](const SourcePos &P) {
    OS << (Paths ? Paths->shown(P.File) : P.File) << ":" << P.Line << ":"
       << P.Column << ": ";
  };
  for (const Remark &M : R.Remarks) {
    Prefix(M.Pos);
    OS << M.Message << (Level >= 2 && !M.Explain.empty() ? ":" : "") << "\n";
    if (Level < 2)
      continue;
    for (const std::string &L : M.Explain) {
      Prefix(M.Pos);
      OS << L << "\n";
    }
  }
  // Findings that are not escape decisions (frames, type erasure, stack
  // candidates) are decisions too.
  for (const Finding &F : R.Findings) {
    if (F.Class != FindingClass::Perf)
      continue;
    Prefix(F.Pos);
    OS << F.Message << " [" << F.Check << "]\n";
  }
}

} // namespace escape
