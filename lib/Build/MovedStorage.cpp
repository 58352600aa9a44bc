//===- MovedStorage.cpp - Locals whose storage is moved away --------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "MovedStorage.h"
#include "FunctionBody.h"
#include "TypeClass.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace escape {

/// True if the move constructor \p C leaves a pointer member of its source
/// null (`other.ptr = nullptr;`, `ptr(std::exchange(other.ptr, nullptr))`):
/// what it pointed to now belongs to the new object.
static bool stealsPointer(const CXXConstructorDecl *C) {
  const FunctionDecl *Def = bodyOf(C);
  if (!Def || !isa<CXXConstructorDecl>(Def) || Def->getNumParams() != 1)
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *Src;
    bool Found = false;
    explicit Finder(const ParmVarDecl *Src) : Src(Src) {}
    bool sourcePointer(const Expr *E) const {
      const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
      const auto *DRE =
          ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
             : nullptr;
      return DRE && DRE->getDecl() == Src && ME->getType()->isPointerType();
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      Found |= BO->getOpcode() == BO_Assign && sourcePointer(BO->getLHS()) &&
               BO->getRHS()->isNullPointerConstant(
                   Src->getASTContext(), Expr::NPC_ValueDependentIsNotNull);
      return !Found;
    }
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *FD = CE->getDirectCallee();
      Found |= FD && FD->getIdentifier() && FD->getName() == "exchange" &&
               isInStd(FD) && CE->getNumArgs() == 2 &&
               sourcePointer(CE->getArg(0));
      return !Found;
    }
  } F(Def->getParamDecl(0));
  for (const CXXCtorInitializer *I : cast<CXXConstructorDecl>(Def)->inits())
    if (I->getInit() && !F.Found)
      F.TraverseStmt(I->getInit());
  if (!F.Found)
    F.TraverseStmt(Def->getBody());
  return F.Found;
}

bool movesStorage(QualType T, TypeClassifier &Types) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  if (isInStd(RD))
    return llvm::StringSwitch<bool>(RD->getName())
        .Cases("vector", "deque", "list", "forward_list", true)
        .Cases("map", "multimap", "set", "multiset", true)
        .Cases("unordered_map", "unordered_multimap", "unordered_set",
               "unordered_multiset", true)
        .Cases("unique_ptr", "shared_ptr", true)
        .Default(false);
  return llvm::any_of(RD->ctors(), [&](const CXXConstructorDecl *C) {
    return C->isMoveConstructor() && C->isUserProvided() &&
           (Types.ownsHeap(T) || stealsPointer(C));
  });
}

/// The variable \p E moves from: `std::move(v)`, `static_cast<T &&>(v)`.
static const VarDecl *movedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  const Expr *Arg = nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    // `std::move(v)`, `std::forward<T>(v)`, or a library's own (`kj::mv`):
    // one lvalue in, an rvalue reference to its type out.
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && CE->getNumArgs() == 1 && FD->getNumParams() == 1 &&
        FD->getReturnType()->isRValueReferenceType() &&
        FD->getParamDecl(0)->getType()->isReferenceType() &&
        FD->getReturnType()
                .getNonReferenceType()
                ->getCanonicalTypeUnqualified() ==
            CE->getArg(0)->getType()->getCanonicalTypeUnqualified())
      Arg = CE->getArg(0);
  } else if (const auto *SC = dyn_cast<CXXStaticCastExpr>(E)) {
    if (SC->getTypeAsWritten()->isRValueReferenceType())
      Arg = SC->getSubExpr();
  }
  const auto *DRE =
      Arg ? dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()) : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType()
             ? VD
             : nullptr;
}

void storageMovedAway(const Stmt *Body, TypeClassifier &Types,
                      llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    TypeClassifier &Types;
    llvm::SmallPtrSetImpl<const VarDecl *> &Out;
    /// Moves into another local: its initializer or an assignment to it.
    llvm::SmallPtrSet<const Expr *, 8> IntoLocal;
    Finder(TypeClassifier &Types, llvm::SmallPtrSetImpl<const VarDecl *> &Out)
        : Types(Types), Out(Out) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    void moved(const Expr *E) {
      if (IntoLocal.count(E))
        return;
      if (const VarDecl *V = movedVariable(E);
          V && movesStorage(V->getType(), Types))
        Out.insert(V);
    }
    static const Expr *onlyArgument(const Expr *E) {
      const auto *CE =
          E ? dyn_cast<CXXConstructExpr>(E->IgnoreImplicit()) : nullptr;
      return CE && CE->getNumArgs() == 1 ? CE->getArg(0) : nullptr;
    }
    static bool isLocal(const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      return VD && VD->hasLocalStorage();
    }
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->hasLocalStorage())
        if (const Expr *A = onlyArgument(VD->getInit()))
          IntoLocal.insert(A->IgnoreParenImpCasts());
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      if (CE->getConstructor()->isMoveConstructor() && CE->getNumArgs() >= 1)
        moved(CE->getArg(0)->IgnoreParenImpCasts());
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          !isLocal(OC->getArg(0)))
        moved(OC->getArg(1)->IgnoreParenImpCasts());
      return true;
    }
    // An argument bound to an rvalue reference (`push_back(std::move(v))`).
    bool VisitCallExpr(CallExpr *CE) {
      if (isa<CXXOperatorCallExpr>(CE))
        return true;
      const FunctionDecl *FD = CE->getDirectCallee();
      if (!FD)
        return true;
      unsigned Skip = isa<CXXMethodDecl>(FD) && !isa<CXXMemberCallExpr>(CE) &&
                              cast<CXXMethodDecl>(FD)->isInstance()
                          ? 1
                          : 0;
      for (unsigned I = Skip; I < CE->getNumArgs(); ++I)
        if (I - Skip < FD->getNumParams() &&
            FD->getParamDecl(I - Skip)->getType()->isRValueReferenceType())
          moved(CE->getArg(I)->IgnoreParenImpCasts());
      return true;
    }
    bool VisitReturnStmt(ReturnStmt *RS) {
      const Expr *V = RS->getRetValue();
      if (!V)
        return true;
      // By reference: the object itself, which dies here.
      if (!V->isPRValue())
        return true;
      QualType RT = V->getType();
      if (const auto *CE = dyn_cast<CXXConstructExpr>(V->IgnoreImplicit());
          CE && CE->getNumArgs() == 1 &&
          CE->getConstructor()->isCopyOrMoveConstructor())
        V = CE->getArg(0);
      // The object itself is returned, not a view made from it.
      const auto *DRE = dyn_cast<DeclRefExpr>(V->IgnoreParenImpCasts());
      if (const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
          VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
          RT.getCanonicalType().getUnqualifiedType() ==
              VD->getType().getCanonicalType().getUnqualifiedType() &&
          movesStorage(VD->getType(), Types))
        Out.insert(VD);
      return true;
    }
  } F(Types, Out);
  F.TraverseStmt(const_cast<Stmt *>(Body));
}

} // namespace escape
