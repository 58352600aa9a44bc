//===- HandWrittenCopy.cpp - Copies that run the program's code -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "HandWrittenCopy.h"
#include "TypeClass.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace escape {

static bool membersCopiedByHand(const CXXRecordDecl *RD, bool Move,
                                unsigned Depth) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || Depth > 4 || RD->isLambda())
    return false;
  auto ByHand = [&](QualType T) {
    const CXXRecordDecl *C = T->getAsCXXRecordDecl();
    C = C ? C->getDefinition() : nullptr;
    if (!C || isInStd(C))
      return false;
    for (const CXXConstructorDecl *K : C->ctors())
      if ((Move ? K->isMoveConstructor() : K->isCopyConstructor()) &&
          K->isUserProvided())
        return true;
    return membersCopiedByHand(C, Move, Depth + 1);
  };
  for (const CXXBaseSpecifier &B : RD->bases())
    if (ByHand(B.getType()))
      return true;
  for (const FieldDecl *F : RD->fields())
    if (ByHand(F->getType()))
      return true;
  return false;
}

bool runsHandWrittenCopy(const CXXConstructorDecl *Ctor) {
  return Ctor && Ctor->isCopyOrMoveConstructor() && Ctor->isDefaulted() &&
         !Ctor->isTrivial() &&
         membersCopiedByHand(Ctor->getParent(), Ctor->isMoveConstructor(), 0);
}

} // namespace escape
