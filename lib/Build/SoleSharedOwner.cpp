//===- SoleSharedOwner.cpp - A class that never shares its shared_ptrs ----===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "SoleSharedOwner.h"
#include "TypeClass.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace escape {

static bool holds(QualType T, llvm::SmallPtrSetImpl<const Type *> &Seen,
                  unsigned Depth) {
  T = T.getNonReferenceType().getCanonicalType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()) || Depth > 8 ||
      !Seen.insert(T.getTypePtr()).second)
    return false;
  bool Std = isInStd(RD);
  if (Std && (RD->getName() == "shared_ptr" || RD->getName() == "__shared_ptr"))
    return true;
  // A standard container or pair holds its template arguments; so does a
  // container of the program's own, behind pointers; a class of the
  // program's also holds its fields and bases.
  if (const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : TS->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          holds(A.getAsType(), Seen, Depth + 1))
        return true;
  if (Std)
    return false;
  for (const FieldDecl *F : RD->fields())
    if (!F->getType()->isReferenceType() && !F->getType()->isPointerType() &&
        holds(F->getType(), Seen, Depth + 1))
      return true;
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &B) {
    return holds(B.getType(), Seen, Depth + 1);
  });
}

bool holdsSharedPtr(QualType T) {
  llvm::SmallPtrSet<const Type *, 8> Seen;
  return holds(T, Seen, 0);
}

/// True if RD's copy constructor is deleted or not there.
static bool uncopyable(const CXXRecordDecl *RD) {
  if (RD->needsImplicitCopyConstructor())
    return RD->defaultedCopyConstructorIsDeleted();
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyConstructor() && !C->isDeleted())
      return false;
  return true;
}

namespace {
/// Finds a way a shared_ptr leaves a method: a value holding one made or
/// assigned from an lvalue (a copy, not a move), a weak_ptr made, a
/// reference or pointer to one returned.
struct ShareFinder : RecursiveASTVisitor<ShareFinder> {
  bool Found = false;
  static bool isWeak(QualType T) {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && isInStd(RD) && RD->getName() == "weak_ptr";
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (isWeak(E->getType()) && E->getNumArgs() > 0 &&
        holdsSharedPtr(E->getArg(0)->getType()))
      Found = true;
    if (E->getNumArgs() == 1 && E->getArg(0)->isLValue() &&
        holdsSharedPtr(E->getType()) && holdsSharedPtr(E->getArg(0)->getType()))
      Found = true;
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->getOperator() == OO_Equal && E->getNumArgs() == 2 &&
        E->getArg(1)->isLValue() && holdsSharedPtr(E->getArg(1)->getType()))
      Found = true;
    return !Found;
  }
};
} // namespace

/// True if method FD of RD's shares a shared_ptr with the world: is given
/// one (a caller may keep a copy), returns a reference or pointer to one,
/// or copies one.
static bool shares(const FunctionDecl *FD, const CXXRecordDecl *RD) {
  if (FD->isDeleted())
    return false;
  // Another of its kind (moved from, `*this` returned) has the same
  // ownership.
  auto Other = [&](QualType T) {
    if (const CXXRecordDecl *D = T->getAsCXXRecordDecl())
      if (D->getCanonicalDecl() == RD->getCanonicalDecl())
        return false;
    return holdsSharedPtr(T);
  };
  QualType R = FD->getReturnType();
  if ((R->isReferenceType() || R->isPointerType()) &&
      Other(R->getPointeeType()))
    return true;
  for (const ParmVarDecl *P : FD->parameters())
    if (Other(P->getType().getNonReferenceType()))
      return true;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody())
    return false;
  ShareFinder F;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *I : CD->inits())
      if (!F.Found && I->getInit())
        F.TraverseStmt(I->getInit());
  if (!F.Found)
    F.TraverseStmt(Def->getBody());
  return F.Found;
}

bool soleSharedOwner(const CXXRecordDecl *RD) {
  if (!RD || !(RD = RD->getDefinition()) || isInStd(RD) || !uncopyable(RD))
    return false;
  bool Holds = false;
  for (const FieldDecl *F : RD->fields())
    Holds |= !F->getType()->isReferenceType() && holdsSharedPtr(F->getType());
  if (!Holds)
    return false;
  for (const Decl *D : RD->decls()) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(D)) {
      if (shares(MD, RD))
        return false;
    } else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
      if (llvm::any_of(FT->specializations(),
                       [&](const FunctionDecl *S) { return shares(S, RD); }))
        return false;
    } else if (const auto *Friend = dyn_cast<FriendDecl>(D)) {
      if (const auto *FD =
              dyn_cast_or_null<FunctionDecl>(Friend->getFriendDecl());
          FD && shares(FD, RD))
        return false;
    }
  }
  return true;
}

} // namespace escape
