//===- ReturnedValue.cpp - The value a returned pointer holds -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The escape graph is flow-insensitive: a pointer variable holds every value
// it is ever given. At a `return p;` that is too much when `p` was re-pointed
// just before (`int *p = &tmp; ...; p = param; return p;`, `x = nullptr;
// return x;`): what leaves is the value p holds at the return, not every
// value it had. When the last definition of p before the return is plain
// (an assignment or the declaration, earlier in the same block, with no
// label in between and nothing else writing p since), the return is lowered
// from that definition's value instead of from p.
//
// Only for a pointer variable of this frame written in no other way than
// by `=` (never through its address, a reference or a lambda's capture by
// reference), and a definition without side effects, which is lowered a
// second time at the return.
//
// Such a pointer parameter re-pointed by a statement of the body (`code =
// strdup(code);`) is given a location of its own there: later reads see the
// new value only, the right side the caller's.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace escape {

namespace {

/// The variable an lvalue expression names, or null.
const VarDecl *namedVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// An `operator=` that replaces the whole value of its object: one the
/// compiler writes, or one of the standard library's.
bool replacesWhole(const CXXOperatorCallExpr *OC) {
  if (!OC || OC->getOperator() != OO_Equal || OC->getNumArgs() != 2)
    return false;
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
  return MD && (MD->isDefaulted() || isInStd(MD));
}

/// The right side of the assignment `V = E` that E is, or null.
const Expr *assignedTo(const Expr *E, const VarDecl *V) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->getOpcode() == BO_Assign && namedVar(BO->getLHS()) == V
               ? BO->getRHS()
               : nullptr;
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
  if (replacesWhole(OC) && namedVar(OC->getArg(0)) == V)
    return OC->getArg(1);
  return nullptr;
}

/// True if E can be lowered a second time at a return without doing twice
/// what a program can see: it has no side effects but the construction of
/// objects from values that have none.
bool reloweringIsHarmless(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return false;
  if (!E->HasSideEffects(Ctx))
    return true;
  E = E->IgnoreImplicit();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return reloweringIsHarmless(MTE->getSubExpr(), Ctx);
  if (const auto *CE = dyn_cast<CXXFunctionalCastExpr>(E))
    return reloweringIsHarmless(CE->getSubExpr(), Ctx);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return llvm::all_of(CE->arguments(), [&](const Expr *A) {
      return reloweringIsHarmless(A, Ctx);
    });
  // A conversion of the standard library (`std::string` to its view).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()) &&
      isInStd(MC->getMethodDecl()))
    return reloweringIsHarmless(MC->getImplicitObjectArgument(), Ctx);
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return llvm::all_of(LE->capture_inits(), [&](const Expr *I) {
      return !I || reloweringIsHarmless(I, Ctx);
    });
  return false;
}

/// A local of class type whose value a return can be lowered from: what a
/// view or a std::function holds.
bool valueReturnable(const VarDecl *V, TypeClassifier &Types) {
  QualType T = V->getType();
  return T->isRecordType() && !V->isStaticLocal() && Types.mayHoldAddress(T);
}

/// The pointer variables of a body read or assigned with `=`, and nothing
/// else: their values change only at the assignments the body spells.
struct PlainPointers : RecursiveASTVisitor<PlainPointers> {
  llvm::DenseMap<const VarDecl *, unsigned> Refs, Plain;
  llvm::DenseSet<const VarDecl *> Captured;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl())) {
      ++Refs[VD];
      if (E->refersToEnclosingVariableOrCapture())
        Captured.insert(VD);
    }
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
    if (E->getCastKind() == CK_LValueToRValue)
      if (const VarDecl *VD = namedVar(E->getSubExpr()))
        ++Plain[VD];
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const VarDecl *VD = namedVar(BO->getLHS()))
        ++Plain[VD];
    return true;
  }
  // An object of class type: assigned whole, or copied from.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (replacesWhole(OC))
      if (const VarDecl *VD = namedVar(OC->getArg(0)))
        ++Plain[VD];
    return true;
  }
  // Read by a const method (`sv.empty()`): the value is not changed.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (MD && MD->isConst() && Obj && !Obj->getType()->isPointerType())
      if (const VarDecl *VD = namedVar(Obj->IgnoreImpCasts()))
        ++Plain[VD];
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (const CXXConstructorDecl *C = CE->getConstructor();
        C && C->isCopyOrMoveConstructor() && CE->getNumArgs() >= 1)
      if (const VarDecl *VD = namedVar(CE->getArg(0)->IgnoreImpCasts()))
        ++Plain[VD];
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          Captured.insert(VD);
    return true;
  }
  bool plain(const VarDecl *VD) const {
    return !Captured.count(VD) && Refs.lookup(VD) == Plain.lookup(VD);
  }
};

/// True if S assigns V anywhere inside it.
bool assigns(const Stmt *S, const VarDecl *V) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    bool Found = false;
    bool VisitExpr(Expr *E) {
      if (!isa<BinaryOperator>(E) && !isa<CXXOperatorCallExpr>(E))
        return true;
      Found = assignedTo(E, V) != nullptr;
      return !Found;
    }
  } F;
  F.V = V;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

} // namespace

void FunctionBuilder::collectReturnedValues(const Stmt *Body) {
  if (!Body)
    return;
  PlainPointers P;
  P.TraverseStmt(const_cast<Stmt *>(Body));
  // A pointer parameter only read and assigned: each assignment that is a
  // statement of the body gives it a value of its own (repointParam()).
  for (const ParmVarDecl *PVD : FD->parameters())
    if (PVD->getType()->isPointerType() && Reassigned.count(PVD) &&
        P.plain(PVD))
      Repointable.insert(PVD);

  struct Blocks : RecursiveASTVisitor<Blocks> {
    std::vector<const CompoundStmt *> All;
    bool VisitCompoundStmt(CompoundStmt *CS) {
      All.push_back(CS);
      return true;
    }
  } B;
  B.TraverseStmt(const_cast<Stmt *>(Body));

  for (const CompoundStmt *CS : B.All) {
    llvm::ArrayRef<Stmt *> Kids(CS->body_begin(), CS->body_end());
    for (size_t I = 0; I < Kids.size(); ++I) {
      const auto *RS = dyn_cast_or_null<ReturnStmt>(Kids[I]);
      if (!RS || !RS->getRetValue())
        continue;
      const Expr *RV = RS->getRetValue()->IgnoreParenImpCasts();
      // `return v;` of a class type copies or moves v.
      if (const auto *CE = dyn_cast<CXXConstructExpr>(RV);
          CE && CE->getNumArgs() == 1 &&
          CE->getConstructor()->isCopyOrMoveConstructor())
        RV = CE->getArg(0)->IgnoreParenImpCasts();
      const auto *DRE = dyn_cast<DeclRefExpr>(RV);
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      bool Pointer = V && V->getType()->isPointerType() &&
                     RS->getRetValue()->getType()->isPointerType();
      if (!V || V->hasGlobalStorage() ||
          !(Pointer || valueReturnable(V, TU.Types)) || !P.plain(V))
        continue;
      for (size_t J = I; J-- > 0;) {
        const Stmt *S = Kids[J];
        if (!S || isa<LabelStmt>(S) || isa<SwitchCase>(S))
          break;
        const Expr *Def = nullptr;
        SourceLocation At;
        if (const Expr *RHS = assignedTo(dyn_cast<Expr>(S), V)) {
          Def = RHS;
          At = S->getBeginLoc();
        } else if (const auto *DS = dyn_cast<DeclStmt>(S);
                   DS && llvm::is_contained(DS->decls(), V)) {
          Def = V->getInit();
          At = V->getLocation();
        } else if (assigns(S, V)) {
          break;
        } else {
          continue;
        }
        // An object's new value is what its temporary holds.
        if (Def && !Pointer)
          if (const auto *MTE =
                  dyn_cast<MaterializeTemporaryExpr>(Def->IgnoreImplicit()))
            Def = MTE->getSubExpr();
        if (Def && reloweringIsHarmless(Def, Ctx))
          ReturnedValue[RS] = {
              Def,
              note("assign", At, V->getNameAsString() + " = " + text(Def))};
        break;
      }
    }
  }
}

void FunctionBuilder::repointParam(const Stmt *S) {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  const auto *DRE = BO && BO->getOpcode() == BO_Assign
                        ? dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens())
                        : nullptr;
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!P || !Repointable.count(P))
    return;
  // `p = strdup(p);` as a statement of the body: what p held is read by the
  // right side only, and p holds the new value from here on (a parameter
  // re-pointed before it is kept is not kept).
  struct Reads : RecursiveASTVisitor<Reads> {
    const ParmVarDecl *P;
    llvm::SmallVector<const DeclRefExpr *, 2> Out;
    explicit Reads(const ParmVarDecl *P) : P(P) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->getDecl() == P)
        Out.push_back(E);
      return true;
    }
  } R(P);
  R.TraverseStmt(const_cast<Expr *>(BO->getRHS()));
  int Old = varLoc(P);
  for (const DeclRefExpr *E : R.Out)
    RefLocs[E] = Old;
  int New =
      newLoc(LocKind::Local, P->getNameAsString(), P->getLocation(), CurScope);
  G.Locs[New].Size.Bytes = 0; // the parameter's own storage is Old's
  VarLocs[P] = New;
}

} // namespace escape
