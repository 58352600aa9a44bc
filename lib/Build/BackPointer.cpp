//===- BackPointer.cpp - Back-pointers into owned objects -----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "BackPointer.h"
#include "FunctionBody.h"
#include "WaitCalls.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace escape {

/// True if the body of \p FD stores `this` into a member named \p Name, or
/// calls a method of its own object that does, \p Depth calls deep.
static bool storesThisInto(const FunctionDecl *FD, llvm::StringRef Name,
                           llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen,
                           unsigned Depth = 0) {
  const FunctionDecl *Def = bodyOf(FD);
  if (!Def || Depth > 3 || !Seen.insert(Def).second)
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::StringRef Name;
    llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen;
    unsigned Depth;
    const ASTContext &Ctx;
    bool Found = false;
    Finder(llvm::StringRef Name,
           llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen, unsigned Depth,
           const ASTContext &Ctx)
        : Name(Name), Seen(Seen), Depth(Depth), Ctx(Ctx) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    // A branch a constant condition rules out (`if (Repoint)` in an
    // instantiation) does not run.
    bool TraverseIfStmt(IfStmt *S) {
      bool Taken = false;
      const Expr *Cond = S->getCond();
      if (Cond && !Cond->isValueDependent() &&
          Cond->EvaluateAsBooleanCondition(Taken, Ctx)) {
        if (Stmt *Branch = Taken ? S->getThen() : S->getElse())
          return TraverseStmt(Branch);
        return true;
      }
      return RecursiveASTVisitor::TraverseIfStmt(S);
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() != BO_Assign ||
          !isa<CXXThisExpr>(BO->getRHS()->IgnoreParenImpCasts()))
        return true;
      const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
      DeclarationName Member;
      if (const auto *ME = dyn_cast<MemberExpr>(L))
        Member = ME->getMemberDecl()->getDeclName();
      else if (const auto *DM = dyn_cast<CXXDependentScopeMemberExpr>(L))
        Member = DM->getMember();
      Found |= Member.isIdentifier() && Member.getAsString() == Name;
      return !Found;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      const Expr *Obj = E->getImplicitObjectArgument();
      if (Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
        Found |= storesThisInto(E->getMethodDecl(), Name, Seen, Depth + 1);
      return !Found;
    }
    // A call of a method of the current instantiation in a template.
    bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
      if (E->isImplicitAccess())
        for (const NamedDecl *D : E->decls())
          if (const auto *FD = D->getAsFunction())
            Found |= !Found && storesThisInto(FD, Name, Seen, Depth + 1);
      return !Found;
    }
  } F(Name, Seen, Depth, Def->getASTContext());
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

/// True if \p FD keeps the value of \p V in a member of its own object
/// (`this->message = message;`, or a member initializer): what \p V points
/// at is held by the object, as what it owns is.
static bool keptInMember(const FunctionDecl *FD, const ValueDecl *V) {
  auto IsV = [V](const Expr *E) {
    const auto *DRE =
        E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
    return DRE && DRE->getDecl() == V;
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->isMemberInitializer() && IsV(I->getInit()))
        return true;
  struct Finder : RecursiveASTVisitor<Finder> {
    decltype(IsV) &Is;
    bool Found = false;
    explicit Finder(decltype(IsV) &Is) : Is(Is) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      const auto *ME =
          dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
      Found |= BO->getOpcode() == BO_Assign && ME &&
               isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
               Is(BO->getRHS());
      return !Found;
    }
  } F(IsV);
  F.TraverseStmt(FD->getBody());
  return F.Found;
}

/// True if \p Base reaches an object the object of \p FD owns or holds:
/// its own state, or a parameter or local it keeps in one of its members.
static bool ownOrHeld(const Expr *Base, const FunctionDecl *FD) {
  if (ownState(Base))
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && FD && VD->getType()->isPointerType() &&
         VD->getDeclContext() == FD && keptInMember(FD, VD);
}

bool isRepointedBackPointer(const Expr *LHS, const Expr *RHS,
                            const FunctionDecl *FD) {
  const auto *This = dyn_cast<CXXThisExpr>(RHS->IgnoreParenImpCasts());
  const auto *ME = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts());
  const CXXRecordDecl *RD =
      This ? This->getType()->getPointeeCXXRecordDecl() : nullptr;
  if (!ME || !RD || !RD->hasDefinition() || !ME->getMemberDecl() ||
      !ME->getMemberDecl()->getIdentifier() ||
      isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) ||
      !ownOrHeld(ME->getBase(), FD))
    return false;
  RD = RD->getDefinition();
  llvm::StringRef Name = ME->getMemberDecl()->getName();
  // A copy or move the compiler writes copies the children's owner and
  // leaves them pointing at the source.
  if ((RD->needsImplicitCopyConstructor() &&
       !RD->defaultedCopyConstructorIsDeleted()) ||
      (RD->needsImplicitMoveConstructor() &&
       !RD->defaultedMoveConstructorIsDeleted()) ||
      // (A declared move deletes the implicit copy assignment.)
      (RD->needsImplicitCopyAssignment() &&
       !RD->hasUserDeclaredMoveConstructor() &&
       !RD->hasUserDeclaredMoveAssignment()) ||
      RD->needsImplicitMoveAssignment())
    return false;
  auto Repoints = [&](const CXXMethodDecl *MD) {
    if (MD->isDeleted())
      return true;
    llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
    return !MD->isDefaulted() && storesThisInto(MD, Name, Seen);
  };
  bool Any = false;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (!C->isCopyOrMoveConstructor())
      continue;
    Any = true;
    if (!Repoints(C))
      return false;
  }
  for (const CXXMethodDecl *MD : RD->methods()) {
    if (!MD->isCopyAssignmentOperator() && !MD->isMoveAssignmentOperator())
      continue;
    if (!Repoints(MD))
      return false;
  }
  return Any;
}

} // namespace escape
