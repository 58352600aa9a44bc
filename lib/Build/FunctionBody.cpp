//===- FunctionBody.cpp - The body a function's callers run ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "FunctionBody.h"

#include "clang/AST/Decl.h"

using namespace clang;

namespace escape {

const FunctionDecl *bodyOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def))
    return Def;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    if (P->hasBody(Def))
      return Def;
  return nullptr;
}

} // namespace escape
