//===- CheckDocs.cpp - The check pages, as rule metadata ------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "CheckDocs.h"

#include "llvm/ADT/SmallVector.h"

namespace escape {

namespace {

struct RawDoc {
  const char *Name;
  const char *Text;
};

// Generated from docs/checks/*.md by lib/Output/CMakeLists.txt.
const RawDoc RawDocs[] = {
#include "clang-escape/Output/CheckDocs.inc"
};

CheckDoc parse(const RawDoc &R) {
  CheckDoc D;
  D.Name = R.Name;
  D.Markdown = llvm::StringRef(R.Text).trim().str();
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(R.Text).split(Lines, '\n');
  // The first paragraph after the title, joined into one line.
  size_t I = 0;
  while (I < Lines.size() &&
         (Lines[I].trim().empty() || Lines[I].starts_with("#")))
    ++I;
  for (; I < Lines.size() && !Lines[I].trim().empty(); ++I) {
    if (!D.Description.empty())
      D.Description += ' ';
    D.Description += Lines[I].trim().str();
  }
  size_t End = D.Description.find(". ");
  D.Summary = End == std::string::npos ? D.Description
                                       : D.Description.substr(0, End + 1);
  for (llvm::StringRef L : Lines)
    if (L.contains("**Class:**"))
      D.Bug = !L.contains("**Class:** perf");
  return D;
}

} // namespace

const std::vector<CheckDoc> &checkDocs() {
  static const std::vector<CheckDoc> Docs = [] {
    std::vector<CheckDoc> Out;
    for (const RawDoc &R : RawDocs)
      Out.push_back(parse(R));
    return Out;
  }();
  return Docs;
}

const CheckDoc *findCheckDoc(llvm::StringRef Check) {
  for (const CheckDoc &D : checkDocs())
    if (D.Name == Check)
      return &D;
  return nullptr;
}

} // namespace escape
