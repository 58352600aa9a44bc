//===- TextEmitter.cpp - clang-style diagnostics --------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Support/SourceLines.h"

#include "llvm/Support/raw_ostream.h"

namespace escape {

namespace {

void location(llvm::raw_ostream &OS, const SourcePos &P, bool Color,
              const SourcePaths *Paths) {
  if (Color)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  OS << (Paths ? Paths->shown(P.File) : P.File) << ":" << P.Line << ":"
     << P.Column << ": ";
  if (Color)
    OS.resetColor();
}

void caret(llvm::raw_ostream &OS, SourceLines &Src, const SourcePos &P,
           bool Color) {
  llvm::StringRef L = Src.line(P.File, P.Line);
  if (L.empty())
    return;
  OS << L << "\n";
  std::string Pad;
  for (unsigned I = 1; I < P.Column && I - 1 < L.size(); ++I)
    Pad.push_back(L[I - 1] == '\t' ? '\t' : ' ');
  OS << Pad;
  if (Color)
    OS.changeColor(llvm::raw_ostream::GREEN, true);
  OS << "^\n";
  if (Color)
    OS.resetColor();
}

} // namespace

void emitText(const Report &R, llvm::raw_ostream &OS, bool Color, bool Caret,
              const SourcePaths *Paths) {
  SourceLines Src;
  for (const Finding &F : R.Findings) {
    location(OS, F.Pos, Color, Paths);
    if (Color)
      OS.changeColor(F.Class == FindingClass::Bug ? llvm::raw_ostream::MAGENTA
                                                  : llvm::raw_ostream::CYAN,
                     true);
    OS << F.severity() << ": ";
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << F.Message << " [" << F.Check << "]\n";
    if (Color)
      OS.resetColor();
    if (Caret)
      caret(OS, Src, F.Pos, Color);
    for (const FindingNote &N : findingNotes(F)) {
      location(OS, N.Pos, Color, Paths);
      OS << "note: " << N.Text << "\n";
    }
  }
}

} // namespace escape
