//===- FindingNotes.cpp - The notes under a finding -----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace escape {

std::string subjectNote(const Finding &F) {
  bool Named = !F.Subject.empty() && llvm::all_of(F.Subject, [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == ':';
  });
  return Named ? "'" + F.Subject + "' declared here"
               : "made here: " + F.Subject;
}

std::vector<FindingNote> findingNotes(const Finding &F) {
  std::vector<FindingNote> Notes;
  if (F.SubjectPos.valid() &&
      (F.SubjectPos.Line != F.Pos.Line || F.SubjectPos.File != F.Pos.File))
    Notes.push_back({F.SubjectPos, subjectNote(F)});
  for (const Note &N : F.Flow) {
    // A callee's step carries its own position in its text.
    std::string Text = N.Why;
    if (!N.What.empty())
      Text += ": " + N.What;
    Notes.push_back({N.Pos.valid() ? N.Pos : F.Pos, std::move(Text)});
  }
  return Notes;
}

} // namespace escape
