//===- FindingLocation.cpp - Positions back to source locations -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/FindingLocation.h"

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace escape {

SourceLocation locationOf(SourceManager &SM, const SourcePos &P) {
  if (!P.valid())
    return {};
  FileID FID;
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (Main && Main->getName() == P.File)
    FID = SM.getMainFileID();
  else if (OptionalFileEntryRef FE =
               SM.getFileManager().getOptionalFileRef(P.File))
    FID = SM.translateFile(*FE);
  if (FID.isInvalid())
    return {};
  // Line and column, as the CLI prints them.
  return SM.translateLineCol(FID, P.Line, P.Column);
}

std::string asDiagnosticText(const std::string &Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += '%';
    Out += C;
  }
  return Out;
}

} // namespace escape
