//===- HandWrittenCopy.cpp - Copies that run the program's code -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "HandWrittenCopy.h"
#include "TypeClass.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace escape {

/// Each class is looked at once per question: a class reached through
/// several members or bases is not walked again.
static bool
membersCopiedByHand(const CXXRecordDecl *RD, bool Move,
                    llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Seen,
                    unsigned Depth) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || Depth > 4 || RD->isLambda())
    return false;
  auto ByHand = [&](QualType T) {
    const CXXRecordDecl *C = T->getAsCXXRecordDecl();
    C = C ? C->getDefinition() : nullptr;
    if (!C || isInStd(C) || !Seen.insert(C).second)
      return false;
    for (const CXXConstructorDecl *K : C->ctors())
      if ((Move ? K->isMoveConstructor() : K->isCopyConstructor()) &&
          K->isUserProvided())
        return true;
    return membersCopiedByHand(C, Move, Seen, Depth + 1);
  };
  return llvm::any_of(
             RD->bases(),
             [&](const CXXBaseSpecifier &B) { return ByHand(B.getType()); }) ||
         llvm::any_of(RD->fields(),
                      [&](const FieldDecl *F) { return ByHand(F->getType()); });
}

bool runsHandWrittenCopy(const CXXConstructorDecl *Ctor) {
  if (!Ctor || !Ctor->isCopyOrMoveConstructor() || !Ctor->isDefaulted() ||
      Ctor->isTrivial())
    return false;
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
  return membersCopiedByHand(Ctor->getParent(), Ctor->isMoveConstructor(), Seen,
                             0);
}

} // namespace escape
