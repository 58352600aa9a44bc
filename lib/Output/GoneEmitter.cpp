//===- GoneEmitter.cpp - Baseline entries that are gone -------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace escape {

void emitGone(const Comparison &C, llvm::raw_ostream &OS) {
  if (C.Fixed.empty())
    return;
  unsigned Gone = 0;
  for (const BaselineEntry &E : C.Fixed)
    Gone += E.Count;
  llvm::WithColor::note(OS, "clang-escape")
      << Gone << " finding(s) of the baseline are gone:\n";
  for (const BaselineEntry &E : C.Fixed) {
    OS << "  " << E.File << ": " << E.Function << ": " << E.Message << " ["
       << E.Check << "]";
    if (E.Count > 1)
      OS << " (" << E.Count << " times)";
    OS << "\n";
  }
}

} // namespace escape
