//===- CheckDocs.h - The check pages, as rule metadata ----------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_OUTPUT_CHECKDOCS_H
#define CLANG_ESCAPE_LIB_OUTPUT_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace escape {

/// What docs/checks/<check>.md says about a check, compiled in.
struct CheckDoc {
  std::string Name;        ///< escape-return
  bool Bug = true;         ///< "**Class:** bug" (else perf)
  std::string Summary;     ///< the first sentence
  std::string Description; ///< the first paragraph
  std::string Markdown;    ///< the whole page
};

/// Every check page, sorted by name.
const std::vector<CheckDoc> &checkDocs();

/// The page of \p Check, or null when it has none.
const CheckDoc *findCheckDoc(llvm::StringRef Check);

} // namespace escape

#endif
