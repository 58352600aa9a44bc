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

/// The function-local static a call returns by reference
/// (`registry()`, whose body is `static Registry r; return r;`), or null.
static const VarDecl *singletonOf(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->getReturnType()->isLValueReferenceType() || !FD->hasBody(Def))
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() == 0)
    return nullptr;
  const auto *R = dyn_cast<ReturnStmt>(Body->body_back());
  const auto *DRE =
      R && R->getRetValue()
          ? dyn_cast<DeclRefExpr>(R->getRetValue()->IgnoreParenImpCasts())
          : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->isStaticLocal() ? VD : nullptr;
}

/// The global variable E names or is a part of (`g`, `g.f`, `C::s`,
/// `g[i]`), when it may hold an address; null otherwise.
static const VarDecl *globalRoot(const Expr *E, TUContext &TU) {
  for (E = E->IgnoreParenImpCasts();;) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return VD->hasGlobalStorage() && TU.Types.mayHoldAddress(VD->getType())
                   ? VD
                   : nullptr;
      if (ME->isArrow())
        return nullptr; // what a pointer points to, not the global
      E = ME->getBase()->IgnoreParenImpCasts();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!AS->getBase()->getType()->isArrayType())
        return nullptr;
      E = AS->getBase()->IgnoreParenImpCasts();
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return VD && VD->hasGlobalStorage() &&
                     TU.Types.mayHoldAddress(VD->getType())
                 ? VD
                 : nullptr;
    } else if (const VarDecl *S = singletonOf(E)) {
      return TU.Types.mayHoldAddress(S->getType()) ? S : nullptr;
    } else {
      return nullptr;
    }
  }
}

const FunctionWrites &escape::writesOf(const FunctionDecl *FD, TUContext &TU,
                                       unsigned Depth) {
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
    std::set<const FieldDecl *> Fields;
    std::set<const VarDecl *> Stored, Cleared;
    Finder(TUContext &TU, unsigned Depth) : TU(TU), Depth(Depth) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    void written(const Expr *E, bool Replaced) {
      if (const VarDecl *G = globalRoot(E, TU)) {
        Stored.insert(G->getCanonicalDecl());
        if (Replaced)
          Cleared.insert(G->getCanonicalDecl());
      }
      for (E = E->IgnoreParenImpCasts();;) {
        if (const auto *ME = dyn_cast<MemberExpr>(E)) {
          if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            Fields.insert(FD->getCanonicalDecl());
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
        written(E->getLHS(), E->getOpcode() == BO_Assign);
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *E) {
      if (E->isIncrementDecrementOp())
        written(E->getSubExpr(), false);
      return true;
    }
    void callee(const FunctionDecl *FD) {
      if (!FD || Depth == 0)
        return;
      const FunctionWrites &W = writesOf(FD, TU, Depth - 1);
      Fields.insert(W.Fields.begin(), W.Fields.end());
      Stored.insert(W.GlobalsStored.begin(), W.GlobalsStored.end());
      Cleared.insert(W.GlobalsCleared.begin(), W.GlobalsCleared.end());
    }
    bool VisitCallExpr(CallExpr *E) {
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
          OC && OC->isAssignmentOp() && OC->getNumArgs() > 0)
        written(OC->getArg(0), OC->getOperator() == OO_Equal);
      // A global container or smart pointer changed by its own method;
      // emptied by a `reset()` or `clear()` given nothing.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        const Expr *Obj = MC->getImplicitObjectArgument();
        if (MD && !MD->isConst() && Obj)
          if (const VarDecl *G = globalRoot(Obj, TU)) {
            Stored.insert(G->getCanonicalDecl());
            if (MD->getIdentifier() && MC->getNumArgs() == 0 &&
                (MD->getName() == "reset" || MD->getName() == "clear"))
              Cleared.insert(G->getCanonicalDecl());
          }
      }
      callee(E->getDirectCallee());
      return true;
    }
    // Not a constructor's: it writes the fields of a new object.
  } F(TU, Depth);
  F.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
  // The map may have grown meanwhile: look the entry up again.
  FunctionWrites &W = TU.FieldsWritten[FD->getCanonicalDecl()];
  W.Fields.assign(F.Fields.begin(), F.Fields.end());
  W.GlobalsStored.assign(F.Stored.begin(), F.Stored.end());
  W.GlobalsCleared.assign(F.Cleared.begin(), F.Cleared.end());
  return W;
}

namespace {
/// The direct calls of a statement, not those in its lambdas, operators
/// aside (an assignment is a store of its own).
struct DirectCalls : RecursiveASTVisitor<DirectCalls> {
  llvm::SmallVector<const CallExpr *, 4> Found;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *E) {
    if (!isa<CXXOperatorCallExpr>(E) && E->getDirectCallee())
      Found.push_back(E);
    return true;
  }
};
} // namespace

void escape::globalStoringCalls(
    const Stmt *S, TUContext &TU, llvm::SmallVectorImpl<const CallExpr *> &Out,
    llvm::SmallVectorImpl<const CallExpr *> &Unseen) {
  DirectCalls F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  // Only a call of the program's given something that may carry an
  // address can store one of the caller's (and only its callee's body is
  // worth a walk: this runs on every statement).
  for (const CallExpr *C : F.Found) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (isInStd(FD) || argumentsGiveNothing(C, TU))
      continue;
    if (FD->hasBody()) {
      if (!writesOf(FD, TU).GlobalsStored.empty())
        Out.push_back(C);
    } else if (!TU.library(FD->getLocation())) {
      Unseen.push_back(C);
    }
  }
}

/// True if argument A is a null pointer constant or an object made empty
/// (`{}`, `T()`, a default argument `const T &other = {}`).
static bool givesNothing(const Expr *A, TUContext &TU) {
  if (const auto *D = dyn_cast<CXXDefaultArgExpr>(A->IgnoreImplicit()))
    A = D->getExpr();
  if (A->isNullPointerConstant(TU.Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  A = A->IgnoreImplicit();
  if (const auto *IL = dyn_cast<InitListExpr>(A))
    return IL->getNumInits() == 0;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(A))
    return CE->getNumArgs() == 0;
  return isa<CXXScalarValueInitExpr, ImplicitValueInitExpr>(A);
}

/// True if V is a local object of the caller (not a reference to one):
/// its address is the caller's to lose.
static bool isLocalObject(const VarDecl *V) {
  return V && V->hasLocalStorage() && !V->getType()->isReferenceType();
}

bool escape::argumentsGiveNothing(const CallExpr *C, TUContext &TU) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD)
    return false;
  for (unsigned I = 0; I < C->getNumArgs(); ++I) {
    const Expr *A = C->getArg(I);
    QualType T =
        I < FD->getNumParams() ? FD->getParamDecl(I)->getType() : A->getType();
    // What a `const Config &` refers to holds no address; its own address
    // is given too when it is a local (`s.add(r)` keeping `&r`).
    if (T->isReferenceType() && T.getNonReferenceType().isConstQualified() &&
        !TU.Types.mayHoldAddress(T.getNonReferenceType()) &&
        !isLocalObject(rootVariable(A)))
      continue;
    if ((T->isReferenceType() || TU.Types.mayHoldAddress(T)) &&
        !givesNothing(A, TU))
      return false;
  }
  return true;
}

/// True if C gives its callee nothing that could hold an address of the
/// caller's: its arguments give nothing, and it is no method of a local
/// object (which may store its `this`).
static bool givesNoAddress(const CallExpr *C, TUContext &TU) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    if (const Expr *Obj = MC->getImplicitObjectArgument();
        Obj && !globalRoot(Obj, TU) &&
        !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      return false;
  return argumentsGiveNothing(C, TU);
}

void escape::addresslessCalls(const Stmt *S, TUContext &TU,
                              llvm::SmallVectorImpl<const CallExpr *> &Out) {
  DirectCalls F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  for (const CallExpr *C : F.Found) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!isInStd(FD) && !TU.library(FD->getLocation()) && givesNoAddress(C, TU))
      Out.push_back(C);
  }
}

const CallExpr *escape::globalClearingCall(
    const Stmt *S, const std::vector<const VarDecl *> &Stored, TUContext &TU) {
  DirectCalls F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  for (const CallExpr *C : F.Found)
    if (overlap(writesOf(C->getDirectCallee(), TU).GlobalsCleared, Stored) &&
        givesNoAddress(C, TU))
      return C;
  return nullptr;
}

bool escape::takesNoAddress(const FunctionDecl *FD) {
  return llvm::none_of(FD->parameters(), [](const ParmVarDecl *P) {
    return P->getType()->isPointerType() || P->getType()->isReferenceType();
  });
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

std::vector<const VarDecl *>
escape::globalContainersChanged(const FunctionDecl *FD,
                                llvm::ArrayRef<llvm::StringRef> Methods,
                                TUContext &TU) {
  // Not writesOf's cache: what other questions find depends on the depth
  // each function was first walked at.
  struct Finder : RecursiveASTVisitor<Finder> {
    TUContext &TU;
    llvm::ArrayRef<llvm::StringRef> Methods;
    std::set<const VarDecl *> Found;
    llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
    unsigned Depth = 3;
    Finder(TUContext &TU, llvm::ArrayRef<llvm::StringRef> Methods)
        : TU(TU), Methods(Methods) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *E) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        const Expr *Obj = MC->getImplicitObjectArgument();
        if (MD && MD->getIdentifier() && Obj && MC->getNumArgs() > 0 &&
            llvm::is_contained(Methods, MD->getName()))
          if (const VarDecl *G = globalRoot(Obj, TU))
            Found.insert(G->getCanonicalDecl());
      }
      walk(E->getDirectCallee());
      return true;
    }
    void walk(const FunctionDecl *F) {
      const FunctionDecl *Def = nullptr;
      if (!F || Depth == 0 || isInStd(F) || !F->hasBody(Def) ||
          !Seen.insert(Def).second)
        return;
      --Depth;
      TraverseStmt(Def->getBody());
      ++Depth;
    }
  } F(TU, Methods);
  F.walk(FD);
  return {F.Found.begin(), F.Found.end()};
}
