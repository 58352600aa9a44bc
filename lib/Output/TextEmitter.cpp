//===- TextEmitter.cpp - clang-style diagnostics --------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace escape {

namespace {

/// Source lines for carets, read once per file.
class SourceLines {
public:
  llvm::StringRef line(const std::string &File, unsigned Line) {
    auto It = Files.find(File);
    if (It == Files.end()) {
      llvm::SmallVector<llvm::StringRef, 0> Lines;
      auto Buf = llvm::MemoryBuffer::getFile(File);
      if (Buf) {
        llvm::StringRef Text = (*Buf)->getBuffer();
        Text.split(Lines, '\n');
        Buffers.push_back(std::move(*Buf));
      }
      It = Files
               .try_emplace(File, std::vector<llvm::StringRef>(Lines.begin(),
                                                               Lines.end()))
               .first;
    }
    if (Line == 0 || Line > It->second.size())
      return "";
    return It->second[Line - 1].rtrim("\r");
  }

private:
  llvm::StringMap<std::vector<llvm::StringRef>> Files;
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

void location(llvm::raw_ostream &OS, const SourcePos &P, bool Color) {
  if (Color)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
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

void emitText(const Report &R, llvm::raw_ostream &OS, bool Color, bool Caret) {
  SourceLines Src;
  for (const Finding &F : R.Findings) {
    location(OS, F.Pos, Color);
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
      location(OS, N.Pos, Color);
      OS << "note: " << N.Text << "\n";
    }
  }
}

} // namespace escape
