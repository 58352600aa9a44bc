//===- ObjectUses.cpp - Calls that work on an object again ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "ObjectUses.h"
#include "FunctionBuilder.h"
#include "WaitCalls.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <set>

using namespace clang;
using namespace escape;

/// An lvalue that names the same object each time it is evaluated: a
/// variable, a member of one, `this`; `&x` and `*p` name x and *p.
static const Expr *stableObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  for (const Expr *B = E;;) {
    if (isa<CXXThisExpr>(B))
      return E;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(B))
      return isa<VarDecl>(DRE->getDecl()) ? E : nullptr;
    const auto *ME = dyn_cast<MemberExpr>(B);
    if (!ME || !isa<FieldDecl>(ME->getMemberDecl()))
      return nullptr;
    B = ME->getBase()->IgnoreParenImpCasts();
  }
}

/// True if a parameter of type T lets the callee change its argument.
static bool mutableParam(QualType T) {
  if (const auto *R = T->getAs<LValueReferenceType>())
    return !R->getPointeeType().isConstQualified();
  if (const auto *P = T->getAs<PointerType>())
    return !P->getPointeeType().isConstQualified() &&
           !P->getPointeeType()->isFunctionType();
  return false;
}

const std::vector<const FieldDecl *> &
escape::fieldsWritten(const FunctionDecl *FD, TUContext &TU, unsigned Depth) {
  auto [It, New] = TU.FieldsWritten.try_emplace(FD->getCanonicalDecl());
  const FunctionDecl *Def = nullptr;
  auto [Seen, First] =
      TU.FieldsWrittenDepth.try_emplace(FD->getCanonicalDecl(), Depth);
  if ((!New && !First && Seen->second >= Depth) || !FD->hasBody(Def) ||
      !Def->getBody())
    return It->second;
  Seen->second = Depth;
  struct Finder : RecursiveASTVisitor<Finder> {
    TUContext &TU;
    unsigned Depth;
    std::set<const FieldDecl *> Out;
    Finder(TUContext &TU, unsigned Depth) : TU(TU), Depth(Depth) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    void written(const Expr *E) {
      for (E = E->IgnoreParenImpCasts();;) {
        if (const auto *ME = dyn_cast<MemberExpr>(E)) {
          if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            Out.insert(FD->getCanonicalDecl());
          return;
        }
        if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
          E = AS->getBase()->IgnoreParenImpCasts();
        else if (const auto *UO = dyn_cast<UnaryOperator>(E);
                 UO && UO->getOpcode() == UO_Deref)
          E = UO->getSubExpr()->IgnoreParenImpCasts();
        else
          return;
      }
    }
    bool VisitBinaryOperator(BinaryOperator *E) {
      if (E->isAssignmentOp())
        written(E->getLHS());
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *E) {
      if (E->isIncrementDecrementOp())
        written(E->getSubExpr());
      return true;
    }
    void callee(const FunctionDecl *FD) {
      if (FD && Depth > 0)
        for (const FieldDecl *F : fieldsWritten(FD, TU, Depth - 1))
          Out.insert(F);
    }
    bool VisitCallExpr(CallExpr *E) {
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
          OC && OC->isAssignmentOp() && OC->getNumArgs() > 0)
        written(OC->getArg(0));
      callee(E->getDirectCallee());
      return true;
    }
    // Not a constructor's: it writes the fields of a new object.
  } F(TU, Depth);
  F.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
  // The map may have grown meanwhile: look the entry up again.
  auto &Fields = TU.FieldsWritten[FD->getCanonicalDecl()];
  Fields.assign(F.Out.begin(), F.Out.end());
  llvm::sort(Fields);
  return Fields;
}

bool escape::takesNoAddress(const FunctionDecl *FD) {
  return llvm::none_of(FD->parameters(), [](const ParmVarDecl *P) {
    return P->getType()->isPointerType() || P->getType()->isReferenceType();
  });
}

bool escape::overlap(llvm::ArrayRef<const FieldDecl *> A,
                     llvm::ArrayRef<const FieldDecl *> B) {
  for (size_t I = 0, J = 0; I < A.size() && J < B.size();) {
    if (A[I] == B[J])
      return true;
    if (A[I] < B[J])
      ++I;
    else
      ++J;
  }
  return false;
}

void escape::objectUses(const Stmt *S, llvm::SmallVectorImpl<ObjectUse> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<ObjectUse> &Out;
    llvm::SmallPtrSet<const Decl *, 4> Inner;
    explicit Finder(llvm::SmallVectorImpl<ObjectUse> &Out) : Out(Out) {}
    bool VisitVarDecl(VarDecl *VD) {
      Inner.insert(VD);
      return true;
    }
    bool namesInner(const Expr *E) {
      // Only a use that is not a read of the variable's value counts
      // (`&v`, `v` bound to a reference, `v.f()`): `*v`, `v->f` and `v`
      // passed by value give what v holds, which outlives v.
      struct Refs : RecursiveASTVisitor<Refs> {
        const llvm::SmallPtrSet<const Decl *, 4> &Inner;
        llvm::SmallPtrSet<const Expr *, 4> Read;
        bool Found = false;
        explicit Refs(const llvm::SmallPtrSet<const Decl *, 4> &I) : Inner(I) {}
        bool VisitImplicitCastExpr(ImplicitCastExpr *C) {
          if (C->getCastKind() == CK_LValueToRValue)
            Read.insert(C->getSubExpr()->IgnoreParens());
          return true;
        }
        bool VisitDeclRefExpr(DeclRefExpr *D) {
          Found |= Inner.count(D->getDecl()) > 0 && !Read.count(D);
          return !Found;
        }
        // A lambda names what it captures by reference and what its
        // init-captures name; a copy is a read (its body uses the copy).
        bool TraverseLambdaExpr(LambdaExpr *LE) {
          visitCaptures(
              LE, [&](Expr *Init) { TraverseStmt(Init); },
              [&](const VarDecl *V) { Found |= Inner.count(V) > 0; });
          return !Found;
        }
      } R(Inner);
      if (!Inner.empty())
        R.TraverseStmt(const_cast<Expr *>(E));
      return R.Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    void add(const Expr *Call, const FunctionDecl *FD,
             llvm::ArrayRef<const Expr *> Args, const Expr *Object) {
      if (!FD)
        return;
      ObjectUse U{Call, FD->getCanonicalDecl(), {}, false};
      if (Object)
        if (const Expr *O = stableObject(Object))
          U.Objects.push_back(O);
      for (unsigned I = 0; I < Args.size() && I < FD->getNumParams(); ++I)
        if (mutableParam(FD->getParamDecl(I)->getType()))
          if (const Expr *O = stableObject(Args[I]))
            U.Objects.push_back(O);
      if (U.Objects.empty())
        return;
      U.NamesInner = namesInner(Call);
      Out.push_back(std::move(U));
    }
    bool VisitCallExpr(CallExpr *E) {
      if (isa<CXXOperatorCallExpr>(E))
        return true;
      const Expr *Object = nullptr;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (MD && !MD->isConst())
          Object = MC->getImplicitObjectArgument();
      }
      add(E, E->getDirectCallee(),
          llvm::ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs()), Object);
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *E) {
      add(E, E->getConstructor(),
          llvm::ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs()), nullptr);
      return true;
    }
  } F(Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}
