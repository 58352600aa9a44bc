//===- FixesEmitter.cpp - Proven annotations as fix-its -------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace escape {

namespace {

/// A YAML single-quoted scalar.
std::string quoted(llvm::StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += "''";
    else if (C == '\n')
      Out += ' ';
    else
      Out += C;
  }
  return Out + "'";
}

std::string absolute(const std::string &Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, true);
  return std::string(P);
}

} // namespace

void emitFixItRemarks(const Report &R, llvm::raw_ostream &OS) {
  for (const FixIt &F : R.FixIts) {
    OS << F.At.File << ":" << F.At.Line << ":" << F.At.Column
       << ": remark: " << F.Message << " [" << F.Check << "]\n";
    OS << F.At.File << ":" << F.At.Line << ":" << F.At.Column
       << ": note: fix-it: insert \"" << F.Text << "\"\n";
  }
}

void emitFixesYaml(const Report &R, llvm::raw_ostream &OS) {
  std::string Main = R.FixIts.empty() ? "" : absolute(R.FixIts.front().At.File);
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  OS << "---\n";
  OS << "MainSourceFile:  " << quoted(Main) << "\n";
  OS << "Diagnostics:\n";
  for (const FixIt &F : R.FixIts) {
    std::string File = absolute(F.At.File);
    OS << "  - DiagnosticName:  " << F.Check << "\n";
    OS << "    DiagnosticMessage:\n";
    OS << "      Message:         " << quoted(F.Message) << "\n";
    OS << "      FilePath:        " << quoted(File) << "\n";
    OS << "      FileOffset:      " << F.At.Offset << "\n";
    OS << "      Replacements:\n";
    OS << "        - FilePath:        " << quoted(File) << "\n";
    OS << "          Offset:          " << F.At.Offset << "\n";
    OS << "          Length:          0\n";
    OS << "          ReplacementText: " << quoted(F.Text) << "\n";
    OS << "    Level:           Warning\n";
    OS << "    BuildDirectory:  " << quoted(Cwd) << "\n";
  }
  OS << "...\n";
}

} // namespace escape
