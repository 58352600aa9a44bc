//===- WaitCalls.cpp - Calls that wait for work handed off ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "WaitCalls.h"
#include "FunctionBuilder.h"
#include "MoveFunction.h"
#include "TypeClass.h"

#include "clang-escape/Build/ModelTable.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace escape {

static const Expr *throughHandle(const Expr *E);

/// What a model says about \p MD waiting, or about a method it overrides.
static std::optional<bool> modelWaits(const CXXMethodDecl *MD,
                                      const ModelTable &Models) {
  if (const FunctionModel *FM = Models.find(modelName(MD)); FM && FM->Waits)
    return FM->Waits;
  for (const CXXMethodDecl *Base : MD->overridden_methods())
    if (std::optional<bool> W = modelWaits(Base, Models))
      return W;
  return std::nullopt;
}

bool isWaitCall(const CXXMemberCallExpr *MC, const ModelTable *Models) {
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier())
    return false;
  if (Models)
    if (std::optional<bool> W = modelWaits(MD, *Models))
      return *W;
  return llvm::StringSwitch<bool>(MD->getName())
      .Cases("wait", "get", "join", "wait_for_tasks", "wait_all", true)
      .Cases("wait_for_all", "join_all", "wait_idle", "sync_wait", true)
      .Cases("Wait", "Join", "WaitAll", "WaitForAll", "corun", true)
      // An executor's shutdown stops taking work, then runs or drops what
      // it holds and joins its threads.
      .Cases("shutdown", "Shutdown", true)
      // A latch or barrier the work counts down.
      .Cases("await", "arrive_and_wait", true)
      .Default(false);
}

/// A static member function is called as a free function is
/// (`Factory::create_task(f)`).
static bool isInstanceMethod(const FunctionDecl *FD);

/// True if class \p RD, or a base of it, declares operator \p K (a
/// template of it too).
static bool declaresOperator(const CXXRecordDecl *RD, OverloadedOperatorKind K,
                             unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 4)
    return false;
  RD = RD->getDefinition();
  for (const Decl *D : RD->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      FD = FT->getTemplatedDecl();
    if (FD && FD->getOverloadedOperator() == K)
      return true;
  }
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &B) {
    return declaresOperator(B.getType()->getAsCXXRecordDecl(), K, Depth + 1);
  });
}

bool actsAsPointer(const CXXRecordDecl *RD) {
  return declaresOperator(RD, OO_Arrow);
}

bool isFreeWaitCall(const CallExpr *E, const ModelTable *Models) {
  if (isa<CXXMemberCallExpr>(E) || isa<CXXOperatorCallExpr>(E) ||
      E->getNumArgs() == 0)
    return false;
  const FunctionDecl *FD = E->getDirectCallee();
  if (!FD || !FD->getIdentifier() || isInstanceMethod(FD))
    return false;
  if (Models)
    if (const FunctionModel *FM = Models->find(modelName(FD)); FM && FM->Waits)
      return *FM->Waits;
  // Not `get` nor `wait`: `std::get<0>(t)`, POSIX `wait(&status)`.
  return llvm::StringSwitch<bool>(FD->getName())
      .Cases("await", "blocking_get", "sync_wait", "blocking_wait", true)
      .Cases("blockingWait", "wait_all", "wait_for_all", "wait_until_done",
             true)
      .Default(false);
}

static ASTContext &Ctx(const Decl *D) { return D->getASTContext(); }

/// The expression a temporary or a full-expression wraps, or null.
static const Expr *wrapped(const Expr *E) {
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return MT->getSubExpr();
  if (const auto *FE = dyn_cast<FullExpr>(E))
    return FE->getSubExpr();
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return BT->getSubExpr();
  return nullptr;
}

const Expr *handleOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const Expr *M = movedArgument(E)) {
      E = M;
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      // A copy made by a function (`copy(f)`): a handle's copy shares its
      // state.
      const FunctionDecl *FD = CE->getDirectCallee();
      if (isa<CXXMemberCallExpr>(CE) || isa<CXXOperatorCallExpr>(CE) ||
          CE->getNumArgs() != 1 || !FD || !CE->getType()->isRecordType() ||
          !Ctx(FD).hasSameUnqualifiedType(
              CE->getType(), CE->getArg(0)->getType().getNonReferenceType()))
        return E;
      E = CE->getArg(0);
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(E);
               CC && CC->getNumArgs() == 1 &&
               CC->getConstructor()->isCopyOrMoveConstructor()) {
      E = CC->getArg(0);
    } else if (const Expr *W = wrapped(E)) {
      E = W;
    } else {
      return E;
    }
  }
  return E;
}

void waitedObjects(const Stmt *S, const ModelTable *Models,
                   llvm::SmallVectorImpl<const Expr *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ModelTable *Models;
    llvm::SmallVectorImpl<const Expr *> &Out;
    Finder(const ModelTable *Models, llvm::SmallVectorImpl<const Expr *> &Out)
        : Models(Models), Out(Out) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    // A free function blocking on what it is given (`await(std::move(f))`).
    bool VisitCallExpr(CallExpr *E) {
      if (isFreeWaitCall(E, Models))
        for (const Expr *A : E->arguments())
          Out.push_back(handleOf(A));
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      const Expr *Obj = E->getImplicitObjectArgument();
      if (!Obj || !isWaitCall(E, Models))
        return true;
      // A member's get() reads a wrapper (`state.value.get()`) far more
      // often than it waits on a future; a get() returning a pointer reads
      // a smart pointer.
      const CXXMethodDecl *MD = E->getMethodDecl();
      if (MD->getName() == "get" &&
          (isa<MemberExpr>(throughHandle(Obj)) ||
           actsAsPointer(Obj->getType()->getPointeeCXXRecordDecl()
                             ? Obj->getType()->getPointeeCXXRecordDecl()
                             : Obj->getType()->getAsCXXRecordDecl())))
        return true;
      Out.push_back(Obj);
      return true;
    }
  } F(Models, Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}

void spunOn(const Stmt *S, llvm::SmallVectorImpl<const VarDecl *> &Out) {
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast_or_null<WhileStmt>(S))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast_or_null<DoStmt>(S))
    Cond = D->getCond();
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<const VarDecl *> &Out;
    explicit Finder(llvm::SmallVectorImpl<const VarDecl *> &Out) : Out(Out) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (const auto *V = dyn_cast<VarDecl>(E->getDecl());
          V && V->hasLocalStorage())
        Out.push_back(V);
      return true;
    }
  } F(Out);
  if (Cond)
    F.TraverseStmt(const_cast<Expr *>(Cond));
}

void visitCaptures(LambdaExpr *LE, llvm::function_ref<void(Expr *)> Init,
                   llvm::function_ref<void(const VarDecl *)> ByRef,
                   llvm::function_ref<void(const VarDecl *)> ByCopy) {
  auto I = LE->capture_init_begin();
  for (const LambdaCapture &C : LE->captures()) {
    Expr *E = *I++;
    if (LE->isInitCapture(&C))
      Init(E);
    else if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
      ByRef(dyn_cast<VarDecl>(C.getCapturedVar()));
    else if (C.capturesVariable() && ByCopy)
      ByCopy(dyn_cast<VarDecl>(C.getCapturedVar()));
  }
}

bool givesAddressOf(const Stmt *S, const VarDecl *V) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    bool Found = false;
    explicit Finder(const VarDecl *V) : V(V) {}
    bool names(const Expr *E) const {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return DRE && DRE->getDecl() == V;
    }
    bool VisitUnaryOperator(UnaryOperator *E) {
      Found |= E->getOpcode() == UO_AddrOf && names(E->getSubExpr());
      return !Found;
    }
    // Passed by reference: `std::ref(latch)`, `submit(work, done)`.
    bool VisitCallExpr(CallExpr *E) {
      const FunctionDecl *Callee = E->getDirectCallee();
      unsigned Skip =
          isa<CXXOperatorCallExpr>(E) && isa_and_nonnull<CXXMethodDecl>(Callee)
              ? 1
              : 0;
      for (unsigned I = Skip; Callee && I < E->getNumArgs(); ++I)
        if (I - Skip < Callee->getNumParams() &&
            Callee->getParamDecl(I - Skip)->getType()->isReferenceType())
          Found |= names(E->getArg(I));
      return !Found;
    }
    // Bound to a reference member: `Node n(latch)`, `Op{loop}`; a copy
    // or a move keeps nothing of its source.
    bool VisitCXXConstructExpr(CXXConstructExpr *E) {
      const CXXConstructorDecl *C = E->getConstructor();
      if (!C || C->isCopyOrMoveConstructor())
        return true;
      for (unsigned I = 0; I < E->getNumArgs() && I < C->getNumParams(); ++I)
        if (C->getParamDecl(I)->getType()->isReferenceType())
          Found |= names(E->getArg(I));
      return !Found;
    }
    bool VisitInitListExpr(InitListExpr *E) {
      const auto *RD = E->getType()->getAsCXXRecordDecl();
      if (!RD || !RD->hasDefinition() || RD->isUnion())
        return true;
      unsigned I = RD->getNumBases();
      for (const FieldDecl *FD : RD->fields()) {
        if (I >= E->getNumInits())
          break;
        if (FD->getType()->isReferenceType())
          Found |= names(E->getInit(I));
        ++I;
      }
      return !Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *LE) {
      visitCaptures(
          LE, [&](Expr *Init) { TraverseStmt(Init); },
          [&](const VarDecl *Ref) { Found |= Ref == V; });
      return !Found;
    }
  } F(V);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

/// holdsAddressOf, through \p Depth more locals built from one another.
static bool holdsAddressOf(const Stmt *S, const VarDecl *V, unsigned Depth) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    unsigned Depth;
    bool Found = false;
    Finder(const VarDecl *V, unsigned Depth) : V(V), Depth(Depth) {}
    // A local built from V, or from a local built from V (`Root root(ctx);
    // Invoker i(f, root);`: `i` holds `&root`, which holds `&ctx`).
    void check(const VarDecl *L) {
      Found |= L && L != V && L->hasLocalStorage() && L->getInit() &&
               (givesAddressOf(L->getInit(), V) ||
                (Depth > 0 && holdsAddressOf(L->getInit(), V, Depth - 1)));
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      check(dyn_cast<VarDecl>(E->getDecl()));
      return !Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *LE) {
      visitCaptures(
          LE, [&](Expr *Init) { TraverseStmt(Init); },
          [&](const VarDecl *Ref) { check(Ref); },
          [&](const VarDecl *Copied) { check(Copied); });
      return !Found;
    }
  } F(V, Depth);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

bool holdsAddressOf(const Stmt *S, const VarDecl *V) {
  return holdsAddressOf(S, V, /*Depth=*/2);
}

void callsOnLocals(const Stmt *S,
                   llvm::SmallVectorImpl<const CXXMemberCallExpr *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<const CXXMemberCallExpr *> &Out;
    explicit Finder(llvm::SmallVectorImpl<const CXXMemberCallExpr *> &Out)
        : Out(Out) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      const VarDecl *V = rootVariable(E->getImplicitObjectArgument());
      if (V && V->hasLocalStorage())
        Out.push_back(E);
      return true;
    }
  } F(Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}

static bool isInstanceMethod(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && !MD->isStatic();
}

/// True if call \p E gives a local object to a function or a function
/// object by non-const reference or pointer (`start(op)`, `enqueue(&w)`):
/// the object may be work the callee hands on.
static bool givesLocalObject(const CallExpr *E) {
  const FunctionDecl *FD = E->getDirectCallee();
  if (!FD)
    return false;
  unsigned Skip = 0;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() != OO_Call)
      return false;
    Skip = isa<CXXMethodDecl>(FD) ? 1 : 0;
  } else if (isInstanceMethod(FD)) {
    return false;
  }
  for (unsigned I = Skip; I < E->getNumArgs(); ++I) {
    if (I - Skip >= FD->getNumParams())
      break;
    QualType PT = FD->getParamDecl(I - Skip)->getType();
    if (!(PT->isLValueReferenceType() || PT->isPointerType()) ||
        PT->getPointeeType().isConstQualified())
      continue;
    const Expr *A = E->getArg(I)->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(A);
        UO && UO->getOpcode() == UO_AddrOf && PT->isPointerType())
      A = UO->getSubExpr()->IgnoreParenImpCasts();
    else if (PT->isPointerType())
      continue;
    const auto *DRE = dyn_cast<DeclRefExpr>(A);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (V && V->hasLocalStorage() && V->getType()->isRecordType())
      return true;
  }
  return false;
}

/// True if class \p RD, or a base of it, has an `operator()`, a template
/// one included (`std::bind`'s result, a generic handler).
static bool hasCallOperator(const CXXRecordDecl *RD) {
  return (RD && RD->isLambda()) || declaresOperator(RD, OO_Call);
}

static bool isCallable(const Expr *E) {
  return hasCallOperator(
      E->getType().getNonReferenceType()->getAsCXXRecordDecl());
}

bool givesCallable(const CallExpr *E) {
  return llvm::any_of(E->arguments(),
                      [](const Expr *A) { return isCallable(A); });
}

/// The calls of \p S, not counting those inside lambdas, that \p Pick
/// picks.
static void callsPicked(const Stmt *S,
                        llvm::function_ref<bool(const CallExpr *)> Pick,
                        llvm::SmallVectorImpl<const CallExpr *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::function_ref<bool(const CallExpr *)> Pick;
    llvm::SmallVectorImpl<const CallExpr *> &Out;
    Finder(llvm::function_ref<bool(const CallExpr *)> Pick,
           llvm::SmallVectorImpl<const CallExpr *> &Out)
        : Pick(Pick), Out(Out) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitCallExpr(CallExpr *E) {
      if (Pick(E))
        Out.push_back(E);
      return true;
    }
  } F(Pick, Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}

void callableGivers(const Stmt *S,
                    llvm::SmallVectorImpl<const CallExpr *> &Out) {
  callsPicked(S, givesCallable, Out);
}

void handOffs(const Stmt *S, const ModelTable *Models,
              llvm::SmallVectorImpl<const CallExpr *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ModelTable *Models;
    llvm::SmallVectorImpl<const CallExpr *> &Out;
    Finder(const ModelTable *Models,
           llvm::SmallVectorImpl<const CallExpr *> &Out)
        : Models(Models), Out(Out) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitCallExpr(CallExpr *E) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
        if (MC->getImplicitObjectArgument() && !isWaitCall(MC, Models))
          Out.push_back(E);
        return true;
      }
      if (givesLocalObject(E)) {
        Out.push_back(E);
        return true;
      }
      const FunctionDecl *FD = E->getDirectCallee();
      if (!FD || isa<CXXOperatorCallExpr>(E) || isInstanceMethod(FD))
        return true;
      if (givesCallable(E))
        Out.push_back(E);
      return true;
    }
  } F(Models, Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}

/// True if copies of class \p RD share their state: every field is a
/// pointer, a `shared_ptr` or a class that shares its state, and there is
/// one at least.
static bool sharesState(const CXXRecordDecl *RD, unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 4 || RD->isLambda() ||
      RD->isUnion())
    return false;
  bool Any = false;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    if (!sharesState(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return false;
    Any = true;
  }
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (T->isPointerType()) {
      Any = true;
      continue;
    }
    const CXXRecordDecl *FRD = T->getAsCXXRecordDecl();
    if (FRD && FRD->getIdentifier() && FRD->getName() == "shared_ptr" &&
        isInStd(FRD)) {
      Any = true;
      continue;
    }
    if (!sharesState(FRD, Depth + 1))
      return false;
    Any = true;
  }
  return Any;
}

bool givesSharedCopyOf(const Stmt *S, const VarDecl *V) {
  if (!V || !sharesState(V->getType()->getAsCXXRecordDecl()))
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    bool Found = false;
    explicit Finder(const VarDecl *V) : V(V) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      Found |= E->getDecl() == V;
      return !Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *LE) {
      visitCaptures(
          LE, [&](Expr *Init) { TraverseStmt(Init); }, [](const VarDecl *) {},
          [&](const VarDecl *Copied) { Found |= Copied == V; });
      return !Found;
    }
  } F(V);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

/// Strips what reaches an object through its handle: `p->`, `*p`,
/// `p.get()`, implicit casts and copies.
static const Expr *throughHandle(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getNumArgs() == 1 &&
        (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star)) {
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
        MC && MC->getNumArgs() == 0 && MC->getMethodDecl() &&
        MC->getMethodDecl()->getIdentifier() &&
        MC->getMethodDecl()->getName() == "get") {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1) {
      E = CE->getArg(0);
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
      continue;
    }
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BT->getSubExpr();
      continue;
    }
    return E;
  }
}

const VarDecl *objectVariable(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(throughHandle(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

const VarDecl *rootVariable(const Expr *E) {
  while (E) {
    const auto *ME = dyn_cast<MemberExpr>(throughHandle(E));
    if (!ME || ME->isArrow())
      break;
    E = ME->getBase();
  }
  return objectVariable(E);
}

/// True if the destructor of \p RD waits on one of its members
/// (`ex->shutdown()`, `pool.wait()`, `t.join()`).
static bool destructorWaitsOnMember(const CXXRecordDecl *RD,
                                    const ModelTable *Models) {
  const CXXDestructorDecl *DD = RD ? RD->getDestructor() : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!DD || !DD->hasBody(Def) || !Def->getBody())
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const ModelTable *Models;
    bool Found = false;
    explicit Finder(const ModelTable *Models) : Models(Models) {}
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      if (!isWaitCall(E, Models) || !E->getImplicitObjectArgument())
        return true;
      if (const auto *ME = dyn_cast<MemberExpr>(
              throughHandle(E->getImplicitObjectArgument())))
        Found |= isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
      return !Found;
    }
  } F(Models);
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

bool mentions(const Stmt *E, const VarDecl *V) {
  if (!E)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl() == V;
  for (const Stmt *C : E->children())
    if (mentions(C, V))
      return true;
  return false;
}

/// The local variable whose object \p E is, or a member of (`w`,
/// `wn.m_wait`, `&w`), or a reference parameter (the caller's object, the
/// same one for the whole call: `execute_and_wait(t, ctx, wait_ctx)` with
/// `wait_ctx` a `wait_context &`), or null.
static const VarDecl *localObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (ME->isArrow())
      return nullptr;
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (V && isa<ParmVarDecl>(V))
    return V->getType()->isLValueReferenceType() ? V : nullptr;
  return V && V->hasLocalStorage() && !V->getType()->isReferenceType() &&
                 !V->getType()->isPointerType()
             ? V
             : nullptr;
}

void localObjectGivers(const Stmt *S,
                       llvm::SmallVectorImpl<const CallExpr *> &Out) {
  callsPicked(
      S,
      [](const CallExpr *E) {
        const FunctionDecl *FD = E->getDirectCallee();
        if (!FD || isa<CXXOperatorCallExpr>(E))
          return false;
        for (unsigned I = 0; I < E->getNumArgs() && I < FD->getNumParams();
             ++I) {
          QualType PT = FD->getParamDecl(I)->getType();
          if ((PT->isReferenceType() || PT->isPointerType()) &&
              !PT->getPointeeType().isConstQualified() &&
              localObject(E->getArg(I)))
            return true;
        }
        return false;
      },
      Out);
}

const VarDecl *heldLocal(const CallExpr *Give, int Slot) {
  int A = Slot - (isa<CXXMemberCallExpr>(Give) ? 1 : 0);
  return A >= 0 && A < static_cast<int>(Give->getNumArgs())
             ? localObject(Give->getArg(A))
             : nullptr;
}

void heldLocalSlots(const CallExpr *Give, llvm::ArrayRef<const Stmt *> Block,
                    size_t Upto, llvm::SmallVectorImpl<int> &Out) {
  const FunctionDecl *Callee = Give->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Give) || Upto >= Block.size())
    return;
  unsigned Base = isa<CXXMemberCallExpr>(Give) ? 1 : 0;
  for (unsigned A = 0; A < Give->getNumArgs() && A < Callee->getNumParams();
       ++A) {
    QualType PT = Callee->getParamDecl(A)->getType();
    const VarDecl *V = localObject(Give->getArg(A));
    if (!V || !(PT->isReferenceType() || PT->isPointerType()))
      continue;
    bool Held = holdsAddressOf(Block[Upto], V);
    for (unsigned B = 0; B < Give->getNumArgs() && !Held; ++B)
      Held = B != A && givesAddressOf(Give->getArg(B), V);
    // `t->parent = &w;` before the call, `t` named by another argument.
    for (size_t J = 0; J < Upto && !Held; ++J) {
      const auto *E = dyn_cast<Expr>(Block[J]);
      const auto *BO =
          E ? dyn_cast<BinaryOperator>(E->IgnoreImplicit()) : nullptr;
      if (!BO || BO->getOpcode() != BO_Assign ||
          !givesAddressOf(BO->getRHS(), V))
        continue;
      const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
      while (const auto *ME = dyn_cast<MemberExpr>(L))
        L = ME->getBase()->IgnoreParenImpCasts();
      const auto *DRE = dyn_cast<DeclRefExpr>(L);
      const auto *W = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      for (unsigned B = 0; W && W != V && B < Give->getNumArgs() && !Held; ++B)
        Held = B != A && mentions(Give->getArg(B), W);
    }
    if (Held)
      Out.push_back(static_cast<int>(Base + A));
  }
}

bool madeFrom(const VarDecl *W, const VarDecl *V) {
  return W && V && W != V && W->hasLocalStorage() && !isa<ParmVarDecl>(W) &&
         mentions(W->getInit(), V);
}

const VarDecl *handleSource(const Expr *W) {
  const auto *MC =
      W ? dyn_cast<CXXMemberCallExpr>(W->IgnoreImplicit()) : nullptr;
  const VarDecl *Source =
      MC ? objectVariable(MC->getImplicitObjectArgument()) : nullptr;
  return Source && Source->hasLocalStorage() ? Source : nullptr;
}

const VarDecl *handleSource(const VarDecl *V) {
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !V->getInit())
    return nullptr;
  const VarDecl *Source = handleSource(V->getInit());
  return Source != V ? Source : nullptr;
}

bool namedLocalsOutlive(const Stmt *S, const VarDecl *Last,
                        const SourceManager &SM, bool LastNamed) {
  struct Locals : RecursiveASTVisitor<Locals> {
    const VarDecl *Last;
    const SourceManager &SM;
    bool LastNamed;
    bool AllOlder = true;
    Locals(const VarDecl *Last, const SourceManager &SM, bool LastNamed)
        : Last(Last), SM(SM), LastNamed(LastNamed) {}
    void check(const VarDecl *V) {
      if (V && V->hasLocalStorage() && !(LastNamed && V == Last) &&
          V->getDeclContext() == Last->getDeclContext() &&
          (V == Last || !SM.isBeforeInTranslationUnit(V->getLocation(),
                                                      Last->getLocation())))
        AllOlder = false;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->isNonOdrUse() == NOUR_None)
        check(dyn_cast<VarDecl>(E->getDecl()));
      return AllOlder;
    }
    // A lambda copies what it captures by value when it is made; only its
    // references, and what its init-captures are made from, must outlive it.
    bool TraverseLambdaExpr(LambdaExpr *LE) {
      visitCaptures(
          LE, [&](Expr *Init) { TraverseStmt(Init); },
          [&](const VarDecl *Ref) { check(Ref); });
      return AllOlder;
    }
  } L(Last, SM, LastNamed);
  L.TraverseStmt(const_cast<Stmt *>(S));
  return L.AllOlder;
}

bool namesLocalWithin(const Stmt *S, const Stmt *Block,
                      const SourceManager &SM) {
  SourceRange R = Block->getSourceRange();
  struct Locals : RecursiveASTVisitor<Locals> {
    SourceRange R;
    const SourceManager &SM;
    bool Within = false;
    Locals(SourceRange R, const SourceManager &SM) : R(R), SM(SM) {}
    void check(const VarDecl *V) {
      if (V && V->hasLocalStorage() &&
          !SM.isBeforeInTranslationUnit(V->getLocation(), R.getBegin()) &&
          SM.isBeforeInTranslationUnit(V->getLocation(), R.getEnd()))
        Within = true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (E->isNonOdrUse() == NOUR_None)
        check(dyn_cast<VarDecl>(E->getDecl()));
      return !Within;
    }
    bool TraverseLambdaExpr(LambdaExpr *LE) {
      visitCaptures(
          LE, [&](Expr *Init) { TraverseStmt(Init); },
          [&](const VarDecl *Ref) { check(Ref); });
      return !Within;
    }
  } L(R, SM);
  L.TraverseStmt(const_cast<Stmt *>(S));
  return L.Within;
}

bool guardsHandOff(const VarDecl *Guard, const CXXMemberCallExpr *Give,
                   const Stmt *GiveStmt, const ModelTable *Models,
                   const SourceManager &SM) {
  const VarDecl *Object = objectVariable(Give->getImplicitObjectArgument());
  if (!Object || !Object->hasLocalStorage() || Object == Guard ||
      !mentions(Guard->getInit(), Object) ||
      !destructorWaitsOnMember(Guard->getType()->getAsCXXRecordDecl(), Models))
    return false;
  // The guard waits at its own end: every local the work names must still
  // be alive then, that is declared before the guard.
  return namedLocalsOutlive(GiveStmt, Guard, SM, /*LastNamed=*/false);
}

/// True if the body of \p MD assigns a member of its own object.
static bool writesOwnMember(const CXXMethodDecl *MD) {
  const FunctionDecl *Def = nullptr;
  if (!MD->hasBody(Def))
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      Found |= BO->isAssignmentOp() &&
               isa<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()) &&
               ownState(BO->getLHS());
      return !Found;
    }
  } F;
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

/// True if \p MD takes an element out of its object and hands it back
/// (`Node &PopFront();`): it takes nothing, is not const, returns something
/// and writes the object (its body, or, defined elsewhere, its name says it
/// pops, takes, dequeues, extracts or steals).
static bool popsElement(const CXXMethodDecl *MD) {
  if (!MD || MD->isConst() || MD->getNumParams() != 0 || !MD->getIdentifier() ||
      MD->getReturnType()->isVoidType() || isa<CXXConversionDecl>(MD))
    return false;
  if (MD->isDefined())
    return writesOwnMember(MD);
  std::string Name = MD->getName().lower();
  static const llvm::StringRef Verbs[] = {"pop", "take", "dequeue", "extract",
                                          "steal"};
  return llvm::any_of(Verbs, [&](llvm::StringRef V) {
    return llvm::StringRef(Name).starts_with(V);
  });
}

bool ownState(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = E->IgnoreParenCasts();
    if (isa<CXXThisExpr>(E))
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        return false;
      E = UO->getSubExpr();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind K = OC->getOperator();
      if (OC->getNumArgs() < 1 ||
          !(K == OO_Arrow || K == OO_Star || K == OO_Subscript))
        return false;
      E = OC->getArg(0);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // What reads an element or the held object: `q.front()`, `p.get()`,
      // and the iterators of a range-`for`.
      const CXXMethodDecl *MD = MC->getMethodDecl();
      static const llvm::StringRef Reads[] = {
          "front", "back", "top", "get", "begin", "end", "cbegin", "cend"};
      // And what takes one out (`q.PopFront()`).
      if (!MD || !MD->getIdentifier() || MC->getNumArgs() != 0 ||
          !(llvm::is_contained(Reads, MD->getName()) || popsElement(MD)))
        return false;
      E = MC->getImplicitObjectArgument();
    } else if (isa<CallExpr>(E)) {
      E = movedArgument(E);
      if (!E)
        return false;
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
      if (CC->getNumArgs() != 1)
        return false;
      E = CC->getArg(0);
    } else if (const Expr *W = wrapped(E)) {
      E = W;
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V))
        return false;
      E = V->getInit();
    } else {
      return false;
    }
  }
  return false;
}

/// True if \p E is a local that work was taken out of the function's own
/// object into (`op *o = queue_.front();`, `auto f = std::move(q_.front());`,
/// `auto &job = jobs_.PopFront();`), not a range-`for` variable nor a
/// reference to an element left in place.
static bool takenOut(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  auto Pops = [](const Expr *Init) {
    const auto *Pop = dyn_cast<CXXMemberCallExpr>(Init->IgnoreParenCasts());
    return Pop && popsElement(Pop->getMethodDecl()) &&
           ownState(Pop->getImplicitObjectArgument());
  };
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->isCXXForRangeDecl() || !V->getInit())
    return false;
  if (Pops(V->getInit()))
    return true;
  return !V->getType()->isReferenceType() && ownState(V->getInit());
}

/// True if the body \p Def of a method runs, destroys or joins the work its
/// object holds (runsHeldWork; \p Dtor for a destructor), or, with
/// \p WaitsOnly, waits on its own state (waitsOnOwnState).
static bool heldWork(const FunctionDecl *Def, const ModelTable *Models,
                     bool Dtor, bool WaitsOnly) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ModelTable *Models;
    /// A destructor: its object dies, so running, joining or waiting on
    /// what it holds is enough. Another method must take the work out of
    /// the object first (a queue drained, not a list of listeners called).
    bool Dtor;
    bool WaitsOnly;
    llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
    unsigned Depth = 0;
    /// Inside a method called on work taken out (`o->complete()`).
    bool OnTaken = false;
    bool Found = false;
    Finder(const ModelTable *Models, bool Dtor, bool WaitsOnly)
        : Models(Models), Dtor(Dtor), WaitsOnly(WaitsOnly) {}
    // What a lambda does runs when it is called, not here.
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool runs(const Expr *Obj) {
      return Dtor ? ownState(Obj) : OnTaken || takenOut(Obj);
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      const Expr *Obj = E->getImplicitObjectArgument();
      const CXXMethodDecl *MD = E->getMethodDecl();
      if (!Obj || !MD || !ownState(Obj))
        return true;
      // A wait on its own state: a worker's thread joined, a pool waited
      // for (a condition's wait, given a lock, waits for a signal only).
      // `get()` only reads a handle here.
      if (isWaitCall(E, Models) &&
          !(MD->getIdentifier() && MD->getName() == "get") &&
          (Dtor || E->getNumArgs() == 0)) {
        Found = true;
        return false;
      }
      // Work taken out and destroyed (`o->~op()`).
      if (!Dtor && isa<CXXDestructorDecl>(MD) && takenOut(Obj)) {
        Found = true;
        return false;
      }
      // Work taken out and run through a virtual call (`job.Call()`): each
      // kind of work runs itself.
      if (!Dtor && MD->isVirtual() && takenOut(Obj)) {
        Found = true;
        return false;
      }
      bool Was = OnTaken;
      OnTaken |= !Dtor && takenOut(Obj);
      follow(MD);
      OnTaken = Was;
      return !Found;
    }
    // A callable it holds, called: the queued work run.
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
      Found |= !WaitsOnly && E->getOperator() == OO_Call &&
               E->getNumArgs() >= 1 && ownState(E->getArg(0)) &&
               runs(E->getArg(0));
      return !Found;
    }
    // A function pointer it holds, called (`func_(owner, this)`).
    bool VisitCallExpr(CallExpr *E) {
      if (WaitsOnly || isa<CXXOperatorCallExpr>(E) ||
          isa<CXXMemberCallExpr>(E) || E->getDirectCallee())
        return true;
      const Expr *Callee = E->getCallee()->IgnoreParenImpCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(Callee))
        Found |= ownState(ME) && runs(ME->getBase());
      else
        Found |= !Dtor && takenOut(Callee);
      return !Found;
    }
    bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
      Found |= !WaitsOnly && !Dtor && takenOut(E->getArgument());
      return !Found;
    }
    void follow(const FunctionDecl *Callee) {
      const FunctionDecl *Body = nullptr;
      if (Depth >= 3 || isInStd(Callee) || !Callee->hasBody(Body) ||
          !Seen.insert(Body).second)
        return;
      ++Depth;
      TraverseStmt(Body->getBody());
      --Depth;
    }
  } F(Models, Dtor, WaitsOnly);
  F.Seen.insert(Def);
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

bool runsHeldWork(const FunctionDecl *FD, const ModelTable *Models) {
  const FunctionDecl *Def = nullptr;
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic() || MD->isConst() || isa<CXXConstructorDecl>(MD) ||
      !FD->hasBody(Def))
    return false;
  return heldWork(Def, Models, isa<CXXDestructorDecl>(FD),
                  /*WaitsOnly=*/false);
}

/// The global or argument-less function a pointer value comes from,
/// through the locals it was copied into.
const Decl *pointerSource(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = throughHandle(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      if (!V)
        return nullptr;
      if (V->hasGlobalStorage())
        return V->getCanonicalDecl();
      if (isa<ParmVarDecl>(V) || V->getType()->isReferenceType())
        return nullptr;
      E = V->getInit();
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && CE->getNumArgs() == 0 && !isa<CXXMemberCallExpr>(CE) &&
          !isInStd(FD))
        return FD->getCanonicalDecl();
    }
    return nullptr;
  }
  return nullptr;
}

void executorSources(const FunctionDecl *FD,
                     llvm::SmallVectorImpl<const Decl *> &Out) {
  const FunctionDecl *Def = nullptr;
  if (!FD || isInStd(FD) || !FD->hasBody(Def))
    return;
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<const Decl *> &Out;
    explicit Finder(llvm::SmallVectorImpl<const Decl *> &Out) : Out(Out) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      if (const Decl *D = pointerSource(E->getImplicitObjectArgument()))
        Out.push_back(D);
      return true;
    }
  } F(Out);
  F.TraverseStmt(Def->getBody());
}

/// True if \p MD reads a std::atomic: `load`, the conversion, an
/// atomic_flag's `test`.
static bool isAtomicRead(const CXXMethodDecl *MD) {
  const CXXRecordDecl *RD = MD->getParent();
  if (!RD || !RD->getIdentifier() || !isInStd(RD) ||
      !(RD->getName().starts_with("atomic") ||
        RD->getName().starts_with("__atomic")))
    return false;
  return isa<CXXConversionDecl>(MD) ||
         (MD->getIdentifier() &&
          (MD->getName() == "load" || MD->getName() == "test"));
}

/// True if function \p FD reads atomic state, itself or in the functions
/// of the program it calls, a few calls deep: a test of a synchronization
/// object (a wait context's count, a flag).
static bool readsAtomic(const FunctionDecl *FD, unsigned Depth,
                        llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && isAtomicRead(MD))
    return true;
  const FunctionDecl *Def = nullptr;
  if (Depth >= 3 || isInStd(FD) || !FD->hasBody(Def) ||
      !Seen.insert(Def).second)
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    unsigned Depth;
    llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen;
    bool Found = false;
    Finder(unsigned Depth, llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen)
        : Depth(Depth), Seen(Seen) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *E) {
      if (const FunctionDecl *C = E->getDirectCallee())
        Found |= readsAtomic(C, Depth + 1, Seen);
      return !Found;
    }
  } F(Depth, Seen);
  F.TraverseStmt(Def->getBody());
  return F.Found;
}

/// The tests that end loop \p S: its condition, and those of the `if (c)
/// break;` (or `return`) statements directly in its body.
static void exitTests(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Out) {
  const Stmt *Body = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(S)) {
    Out.push_back(W->getCond());
    Body = W->getBody();
  } else if (const auto *D = dyn_cast<DoStmt>(S)) {
    Out.push_back(D->getCond());
    Body = D->getBody();
  } else if (const auto *F = dyn_cast<ForStmt>(S)) {
    if (F->getCond())
      Out.push_back(F->getCond());
    Body = F->getBody();
  }
  const auto *CS = dyn_cast_or_null<CompoundStmt>(Body);
  for (const Stmt *B : CS ? CS->body() : llvm::ArrayRef<Stmt *>()) {
    const auto *If = dyn_cast<IfStmt>(B);
    const Stmt *Then = If ? If->getThen() : nullptr;
    if (const auto *TC = dyn_cast_or_null<CompoundStmt>(Then);
        TC && !TC->body_empty())
      Then = TC->body_back();
    if (Then && (isa<BreakStmt>(Then) || isa<ReturnStmt>(Then)) &&
        If->getCond())
      Out.push_back(If->getCond());
  }
}

/// The parameter of \p Def that object expression \p E is, or a member of
/// (`w`, `w.count`, `p->state`, `*p`), or null.
static const ParmVarDecl *paramObject(const Expr *E, const FunctionDecl *Def) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && UO->getOpcode() == UO_Deref) {
      E = UO->getSubExpr();
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
      return P && P->getDeclContext() == Def &&
                     (P->getType()->isReferenceType() ||
                      P->getType()->isPointerType())
                 ? P
                 : nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

void waitedSlots(const FunctionDecl *FD, const ModelTable *Models,
                 llvm::SmallVectorImpl<int> &Out) {
  const FunctionDecl *Def = nullptr;
  if (!FD || isInStd(FD) || !FD->hasBody(Def))
    return;
  const auto *MD = dyn_cast<CXXMethodDecl>(Def);
  unsigned Base = MD && MD->isInstance() ? 1 : 0;
  struct Finder : RecursiveASTVisitor<Finder> {
    const FunctionDecl *Def;
    const ModelTable *Models;
    unsigned Base;
    llvm::SmallVectorImpl<int> &Out;
    Finder(const FunctionDecl *Def, const ModelTable *Models, unsigned Base,
           llvm::SmallVectorImpl<int> &Out)
        : Def(Def), Models(Models), Base(Base), Out(Out) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    // A handle given by value shares its state with the caller's.
    void waitsOn(const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(handleOf(E));
      const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      if (P && P->getDeclContext() == Def)
        Out.push_back(static_cast<int>(Base + P->getFunctionScopeIndex()));
    }
    // A wait on the object itself. A smart pointer's `get()` reads it.
    bool VisitCallExpr(CallExpr *E) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
        if (isWaitCall(MC, Models) &&
            !(MC->getMethodDecl()->getName() == "get" &&
              actsAsPointer(MC->getMethodDecl()->getParent())))
          waitsOn(MC->getImplicitObjectArgument());
      } else if (isFreeWaitCall(E, Models)) {
        for (const Expr *A : E->arguments())
          waitsOn(A);
      }
      return true;
    }
    bool VisitWhileStmt(WhileStmt *S) { return loop(S); }
    bool VisitDoStmt(DoStmt *S) { return loop(S); }
    bool VisitForStmt(ForStmt *S) { return loop(S); }
    bool loop(const Stmt *S) {
      llvm::SmallVector<const Expr *, 4> Tests;
      exitTests(S, Tests);
      struct Calls : RecursiveASTVisitor<Calls> {
        llvm::SmallVector<const CXXMemberCallExpr *, 4> Out;
        bool TraverseLambdaExpr(LambdaExpr *) { return true; }
        bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
          Out.push_back(E);
          return true;
        }
      } C;
      for (const Expr *T : Tests)
        C.TraverseStmt(const_cast<Expr *>(T));
      for (const CXXMemberCallExpr *MC : C.Out) {
        const ParmVarDecl *P =
            paramObject(MC->getImplicitObjectArgument(), Def);
        const CXXMethodDecl *M = MC->getMethodDecl();
        llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
        if (P && M && readsAtomic(M, 0, Seen))
          Out.push_back(static_cast<int>(Base + P->getFunctionScopeIndex()));
      }
      return true;
    }
  } F(Def, Models, Base, Out);
  F.TraverseStmt(Def->getBody());
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
}

bool waitsOnOwnState(const FunctionDecl *FD, const ModelTable *Models) {
  const FunctionDecl *Def = nullptr;
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic() || isa<CXXConstructorDecl>(MD) ||
      isa<CXXDestructorDecl>(MD) || !MD->hasBody(Def))
    return false;
  return heldWork(Def, Models, /*Dtor=*/true, /*WaitsOnly=*/true);
}

} // namespace escape
