//===- BuildStmt.cpp - Lowering of statements and scopes ------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Statements give the scope tree (C++ ends a lifetime at every block, not
// only at loop iterations as Go does), declarations and returns.
//
//===----------------------------------------------------------------------===//
#include "FunctionBody.h"
#include "FunctionBuilder.h"
#include "ObjectUses.h"
#include "WaitCalls.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"

#include <optional>

using namespace clang;

namespace escape {

int FunctionBuilder::pushScope(bool Loop, const Stmt *S) {
  int Saved = CurScope;
  Scope Sc;
  Sc.Parent = CurScope;
  Sc.Loop = Loop;
  if (S)
    Sc.EndOffset = Ctx.getSourceManager().getFileOffset(
        Ctx.getSourceManager().getExpansionLoc(S->getEndLoc()));
  CurScope = static_cast<int>(G.Scopes.size());
  G.Scopes.push_back(Sc);
  if (S)
    ScopeStmts[CurScope] = S;
  return Saved;
}

/// The value condition C has at run time when it only asks whether the
/// evaluation is a constant one (`std::is_constant_evaluated()`, its
/// builtin, negated or not): false, since constant evaluation never runs
/// the code we analyze.
static std::optional<bool> runTimeValue(const Expr *C) {
  bool Negated = false;
  C = C->IgnoreParenImpCasts();
  while (const auto *UO = dyn_cast<UnaryOperator>(C)) {
    if (UO->getOpcode() != UO_LNot)
      return std::nullopt;
    Negated = !Negated;
    C = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *CE = dyn_cast<CallExpr>(C);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD)
    return std::nullopt;
  bool Asks =
      FD->getBuiltinID() == Builtin::BI__builtin_is_constant_evaluated ||
      (FD->isInStdNamespace() && FD->getIdentifier() &&
       FD->getName() == "is_constant_evaluated");
  return Asks ? std::optional<bool>(Negated) : std::nullopt;
}

static const BinaryOperator *asAssignment(const Stmt *S) {
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    if (const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreImplicit()))
      if (BO->getOpcode() == BO_Assign)
        return BO;
  return nullptr;
}

void FunctionBuilder::stmt(const Stmt *S) {
  if (!S || overBudget())
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    // A new object whose address the statement drops is never deleted: it
    // lives on, with what it holds. Not one built in place (placement new):
    // its storage is someone's.
    if (const auto *NE = dyn_cast<CXXNewExpr>(E->IgnoreImplicit());
        NE && NE->getNumPlacementArgs() == 0)
      return newExpr(heapHole().note(note("never deleted", NE)), NE);
    const BinaryOperator *BO = asAssignment(E);
    if (!BO || !isa<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      return expr(Hole(), E);
    unsigned Begin = G.Edges.size();
    expr(Hole(), E);
    MemberStoreEdges[S] = {Begin, unsigned(G.Edges.size())};
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    int Saved = pushScope(false, S);
    bool Body = !Repointable.empty() && S == FD->getBody();
    for (const Stmt *C : cast<CompoundStmt>(S)->body()) {
      if (Body)
        repointParam(C);
      stmt(C);
    }
    popScope(Saved);
    return;
  }
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        varDecl(VD);
    return;
  case Stmt::ReturnStmtClass:
    return returnStmt(cast<ReturnStmt>(S));
  case Stmt::IfStmtClass: {
    const auto *If = cast<IfStmt>(S);
    // `if consteval` has no condition: at run time the branch for constant
    // evaluation never runs.
    if (If->isConsteval()) {
      int Saved = pushScope(false, S);
      stmt(If->isNegatedConsteval() ? If->getThen() : If->getElse());
      popScope(Saved);
      return;
    }
    int Saved = pushScope(false, S);
    stmt(If->getInit());
    if (const VarDecl *CV = If->getConditionVariable())
      varDecl(CV);
    else
      expr(Hole(), If->getCond());
    // `if (p)` on a bool parameter: what the branches do happens only for
    // that value of p, which a caller may pass as a constant.
    int Slot = -1;
    bool Value = true;
    if (!If->getConditionVariable() && GuardSlot < 0) {
      const Expr *C = If->getCond()->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(C);
          UO && UO->getOpcode() == UO_LNot) {
        C = UO->getSubExpr()->IgnoreParenImpCasts();
        Value = false;
      }
      Slot = boolParamSlot(C);
    }
    // A condition known at compile time (`if (need_copy<T>::value)` before
    // C++17's `if constexpr`): the other branch never runs.
    bool Known = false, Taken = false;
    if (!If->getConditionVariable() && !If->getCond()->isValueDependent() &&
        !If->getCond()->HasSideEffects(Ctx))
      Known = If->getCond()->EvaluateAsBooleanCondition(Taken, Ctx);
    // Or one that asks whether this is constant evaluation: at run time the
    // branch for it never runs (stdexec's STDEXEC_IF_CONSTEVAL in C++20).
    if (std::optional<bool> V; !Known && !If->getConditionVariable() &&
                               (V = runTimeValue(If->getCond()))) {
      Known = true;
      Taken = *V;
    }
    GuardSlot = Slot;
    GuardValue = Value;
    if (!Known || Taken)
      stmt(If->getThen());
    GuardValue = !Value;
    if (!Known || !Taken)
      stmt(If->getElse());
    GuardSlot = -1;
    popScope(Saved);
    return;
  }
  case Stmt::ForStmtClass: {
    const auto *For = cast<ForStmt>(S);
    int Saved = pushScope(false, S);
    stmt(For->getInit());
    ++LoopDepth;
    int Body = pushScope(true, For->getBody());
    if (const VarDecl *CV = For->getConditionVariable())
      varDecl(CV);
    else
      expr(Hole(), For->getCond());
    expr(Hole(), For->getInc());
    stmt(For->getBody());
    popScope(Body);
    --LoopDepth;
    popScope(Saved);
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    ++LoopDepth;
    int Saved = pushScope(true, S);
    if (const VarDecl *CV = W->getConditionVariable())
      varDecl(CV);
    else
      expr(Hole(), W->getCond());
    stmt(W->getBody());
    popScope(Saved);
    --LoopDepth;
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    ++LoopDepth;
    int Saved = pushScope(true, S);
    stmt(D->getBody());
    expr(Hole(), D->getCond());
    popScope(Saved);
    --LoopDepth;
    return;
  }
  case Stmt::CXXForRangeStmtClass: {
    const auto *FR = cast<CXXForRangeStmt>(S);
    int Saved = pushScope(false, S);
    stmt(FR->getInit());
    stmt(FR->getRangeStmt());
    // The hidden range reference is used by every iteration; before C++23
    // the temporaries of its initializer die before the first one.
    if (const VarDecl *Range =
            FR->getRangeStmt()
                ? dyn_cast_or_null<VarDecl>(FR->getRangeStmt()->getSingleDecl())
                : nullptr;
        Range && !Ctx.getLangOpts().CPlusPlus23) {
      int L = varLoc(Range);
      noteUse(L, G.Scopes[CurScope].EndOffset);
      G.Locs[L].Name = "range of the for loop";
    }
    stmt(FR->getBeginStmt());
    stmt(FR->getEndStmt());
    ++LoopDepth;
    int Body = pushScope(true, FR->getBody());
    expr(Hole(), FR->getCond());
    expr(Hole(), FR->getInc());
    stmt(FR->getLoopVarStmt());
    stmt(FR->getBody());
    popScope(Body);
    --LoopDepth;
    popScope(Saved);
    return;
  }
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    int Saved = pushScope(false, S);
    stmt(Sw->getInit());
    if (const VarDecl *CV = Sw->getConditionVariable())
      varDecl(CV);
    else
      expr(Hole(), Sw->getCond());
    stmt(Sw->getBody());
    popScope(Saved);
    return;
  }
  case Stmt::CXXTryStmtClass: {
    const auto *Try = cast<CXXTryStmt>(S);
    stmt(Try->getTryBlock());
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      const CXXCatchStmt *H = Try->getHandler(I);
      int Saved = pushScope(false, H);
      if (const VarDecl *EV = H->getExceptionDecl())
        varDecl(EV);
      stmt(H->getHandlerBlock());
      popScope(Saved);
    }
    return;
  }
  case Stmt::CoroutineBodyStmtClass: {
    const auto *CB = cast<CoroutineBodyStmt>(S);
    coroutine(CB);
    return stmt(CB->getBody());
  }
  case Stmt::CoreturnStmtClass:
    return coreturnStmt(cast<CoreturnStmt>(S));
  case Stmt::GCCAsmStmtClass:
  case Stmt::MSAsmStmtClass: {
    // Inline assembly may keep any address it is given.
    const auto *A = cast<AsmStmt>(S);
    for (const Stmt *C : A->children())
      if (const auto *E = dyn_cast_or_null<Expr>(C)) {
        Hole H = heapHole().note(note("inline assembly", A));
        H.Maybe = true;
        expr(H.shift(-1), E);
      }
    return;
  }
  default:
    for (const Stmt *C : S->children())
      stmt(C);
  }
}

void FunctionBuilder::varDecl(const VarDecl *VD) {
  if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
    for (const BindingDecl *B : DD->bindings())
      if (const VarDecl *HV = B->getHoldingVar())
        varDecl(HV);
  const Expr *Init = VD->getInit();
  if (VD->hasGlobalStorage() || VD->isStaticLocal()) {
    if (Init && VD->getType()->isReferenceType()) {
      // `static int &r = k;`: the static keeps k's address.
      int S = newLoc(LocKind::GlobalStore, VD->getNameAsString(),
                     VD->getLocation());
      G.Locs[S].TypeName =
          VD->getTLSKind() != VarDecl::TLS_None ? "thread_local" : "static";
      flow(heapHole().note(note("store to global", VD->getLocation(),
                                VD->getNameAsString())),
           S);
      expr(holeFor(S).shift(-1, note("reference binding", VD->getLocation(),
                                     VD->getNameAsString())),
           Init);
    } else if (Init) {
      expr(heapHole().note(note("static initialization", VD->getLocation(),
                                VD->getNameAsString())),
           Init);
    }
    return;
  }
  int L = varLoc(VD);
  QualType T = VD->getType();
  if (VD->isExceptionVariable() && T->isReferenceType()) {
    // catch (const E &e): e refers to the exception object, which dies at
    // the end of the handler.
    int X =
        newLoc(LocKind::Local, "exception object", VD->getLocation(), CurScope);
    G.Locs[X].Name = "exception object '" + VD->getNameAsString() + "'";
    flow(holeFor(L).shift(-1, note("catch by reference", VD->getLocation(),
                                   VD->getNameAsString())),
         X);
    return;
  }
  if (T->isReferenceType()) {
    if (Init) {
      StableInit[VD] = Init;
      expr(holeFor(L).shift(-1, note("reference binding", VD->getLocation(),
                                     VD->getNameAsString())),
           Init);
    }
    return;
  }
  if (Init) {
    if ((T->isPointerType() || TU.Types.isPointerLike(T)) &&
        !Reassigned.count(VD))
      StableInit[VD] = Init;
    Hole H = holeFor(wholeOf(L));
    if (!isa<CXXConstructExpr>(Init->IgnoreImplicit()))
      H = H.note(note("assign", VD->getLocation(),
                      VD->getNameAsString() + " = " + text(Init)));
    expr(H, Init);
    adoptedObject(VD, L);
    // A call's result kept in a local whose destructor does work (a
    // scheduled task that cancels and destroys what it runs): what the
    // call registers through the arguments the result holds, the
    // destructor may take back.
    const auto *Call = dyn_cast<CallExpr>(Init->IgnoreImplicit());
    if (auto It = Call ? CallIndex.find(Call) : CallIndex.end();
        It != CallIndex.end() &&
        It->second < static_cast<int>(G.Calls.size()) && G.Locs[L].CleansUp &&
        G.Calls[It->second].ScopedBy.empty()) {
      G.Calls[It->second].ScopedBy = VD->getNameAsString();
      G.Calls[It->second].ScopedByResult = true;
    }
  }
}

void FunctionBuilder::returnStmt(const ReturnStmt *RS) {
  Returns.push_back(pos(RS->getBeginLoc()).Offset);
  const Expr *E = RS->getRetValue();
  if (!E)
    return;
  Hole K = holeFor(FunctionGraph::ResultLoc).note(note("return", RS));
  QualType RT = FD->getReturnType();
  if (const auto *LM = dyn_cast<CXXMethodDecl>(FD); LM && IsLambdaBody)
    RT = LM->getReturnType();
  if (RT->isReferenceType())
    K = K.shift(-1);
  if (auto It = ReturnedValue.find(RS); It != ReturnedValue.end()) {
    K = K.note(It->second.second);
    E = It->second.first;
  }
  expr(K, E);
}

void FunctionBuilder::coreturnStmt(const CoreturnStmt *CS) {
  const Expr *E = CS->getOperand();
  if (!E)
    return;
  // The promise keeps the value until the caller takes it through the
  // coroutine object: what the value holds reaches the caller, as a
  // returned value's does. The body's locals are gone by then.
  // The argument of `return_value` carries the conversion to the promised
  // type (a `std::string` given to a `string_view` task).
  if (const auto *PC = dyn_cast_or_null<CallExpr>(
          CS->getPromiseCall() ? CS->getPromiseCall()->IgnoreImplicit()
                               : nullptr);
      PC && PC->getNumArgs() == 1)
    E = PC->getArg(0);
  Hole K = holeFor(FunctionGraph::ResultLoc).note(note("co_return", CS));
  expr(K, E);
}

/// True if awaiter \p RD, the program's, has an await_ready() that does
/// not always say no (`return !wait;`); false for the standard awaiters and
/// for one whose body is not seen.
static bool readyMayBeTrue(const CXXRecordDecl *RD) {
  if (RD->isInStdNamespace() || !RD->hasDefinition())
    return false;
  for (const CXXMethodDecl *M : RD->getDefinition()->methods()) {
    if (!M->getIdentifier() || M->getName() != "await_ready")
      continue;
    const FunctionDecl *Def = bodyOf(M);
    const auto *Body = Def ? dyn_cast<CompoundStmt>(Def->getBody()) : nullptr;
    if (!Body)
      return false;
    const auto *R =
        Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_front()) : nullptr;
    bool Value = true;
    if (R && R->getRetValue() && !R->getRetValue()->isValueDependent() &&
        R->getRetValue()->EvaluateAsBooleanCondition(Value,
                                                     RD->getASTContext()))
      return Value;
    return true;
  }
  return false;
}

void FunctionBuilder::coroutine(const CoroutineBodyStmt *CB) {
  G.IsCoroutine = true;
  if (VarDecl *PD = CB->getPromiseDecl()) {
    G.Locs[varLoc(PD)].Promise = true;
    // Its constructor may point it at itself (a recursive generator's
    // root): what later stores through such a member reach.
    if (PD->getInit())
      varDecl(PD);
  }
  // Is there a suspension before the body ends? A lazy coroutine suspends
  // at once; an eager one at its first co_await or co_yield.
  bool Lazy = false;
  // An initial awaiter of the program's whose await_ready() may say yes
  // (a task started at once when built from a tag argument): lazy or
  // eager by call, so what only an eager one would not keep is a maybe.
  bool MaybeEager = false;
  unsigned FirstSuspend = ~0u;
  if (const auto *Init = dyn_cast_or_null<CoroutineSuspendExpr>(
          cast<Expr>(CB->getInitSuspendStmt())->IgnoreImplicit())) {
    QualType AT = Init->getOperand()->getType();
    if (const CXXRecordDecl *RD = AT->getAsCXXRecordDecl()) {
      Lazy = RD->getName() != "suspend_never";
      MaybeEager = Lazy && readyMayBeTrue(RD);
    }
  }
  struct Finder : RecursiveASTVisitor<Finder> {
    const SourceManager &SM;
    const FunctionDecl *FD;
    unsigned First = ~0u;
    SourceLocation FirstLoc;
    llvm::DenseMap<const ParmVarDecl *, std::pair<unsigned, SourceLocation>>
        LastUse;
    Finder(const SourceManager &SM, const FunctionDecl *FD) : SM(SM), FD(FD) {}
    // `co_await E` suspends after E is evaluated: a use in E comes first.
    bool VisitCoroutineSuspendExpr(CoroutineSuspendExpr *E) {
      if (E->getBeginLoc().isValid() && E->getEndLoc().isValid()) {
        unsigned O = SM.getFileOffset(SM.getExpansionLoc(E->getEndLoc()));
        if (O < First) {
          First = O;
          FirstLoc = E->getBeginLoc();
        }
      }
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      unsigned O = SM.getFileOffset(SM.getExpansionLoc(E->getBeginLoc()));
      // A lambda's capture (of a parameter of the enclosing function, too)
      // is read through its closure; a lambda nested in the body capturing
      // the coroutine's own parameter or local reads that, not the closure.
      const DeclContext *DC = E->getDecl()->getDeclContext();
      bool Own = DC && (DC->Equals(FD) || FD->Encloses(DC));
      if (E->refersToEnclosingVariableOrCapture() && !Own) {
        LastThis = std::max(LastThis, O);
      } else if (const auto *P = dyn_cast<ParmVarDecl>(E->getDecl())) {
        auto &U = LastUse[P];
        if (O >= U.first)
          U = {O, E->getBeginLoc()};
      }
      return true;
    }
    bool VisitCXXThisExpr(CXXThisExpr *E) {
      if (E->getBeginLoc().isValid())
        LastThis = std::max(
            LastThis, SM.getFileOffset(SM.getExpansionLoc(E->getBeginLoc())));
      return true;
    }
    unsigned LastThis = 0;
    bool ThisUsed() const { return LastThis > 0; }
  } F(Ctx.getSourceManager(), FD);
  F.TraverseStmt(CB->getBody());
  FirstSuspend = F.First;
  // The frame keeps the parameters and the returned object owns the frame:
  // what a parameter holds reaches the result, when the body uses it after
  // the coroutine may have returned to its caller (anywhere in a lazy
  // coroutine, after the first suspension in an eager one). A captureless
  // lambda's closure, or a `this` the body never reads, is not kept.
  auto AfterSuspend = [&](unsigned Last) {
    return FirstSuspend != ~0u && Last > FirstSuspend;
  };
  auto UsedLate = [&](unsigned Last, bool Used) {
    return Used && (Lazy || AfterSuspend(Last));
  };
  for (unsigned S = 0; S < G.SlotLocs.size(); ++S) {
    int P = G.SlotLocs[S];
    if (P < 0)
      continue;
    bool IsThis = static_cast<int>(S) == ThisSlot;
    const ParmVarDecl *PVD =
        IsThis ? nullptr : FD->getParamDecl(S - (ThisSlot >= 0 ? 1 : 0));
    auto It = PVD ? F.LastUse.find(PVD) : F.LastUse.end();
    bool Late = IsThis
                    ? UsedLate(F.LastThis, F.ThisUsed())
                    : It != F.LastUse.end() && UsedLate(It->second.first, true);
    if (!Late)
      continue;
    Hole H = holeFor(FunctionGraph::ResultLoc);
    H.Maybe =
        MaybeEager && !AfterSuspend(IsThis ? F.LastThis : It->second.first);
    H.Notes.push_back(
        note("kept in coroutine frame", FD->getLocation(), G.SlotNames[S]));
    flow(H, P);
  }
  // A coroutine nothing can call (internal linkage, never named in its
  // unit: an alternative kept for later) has no argument to outlive.
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  bool NoCaller = !FD->isExternallyVisible() && !FD->isReferenced() &&
                  !(MD && (MD->getParent()->isLambda() || MD->isVirtual()));
  for (const ParmVarDecl *P : FD->parameters()) {
    if (!P->getType()->isReferenceType() || NoCaller)
      continue;
    auto It = F.LastUse.find(P);
    if (It == F.LastUse.end())
      continue;
    if ((!Lazy || MaybeEager) &&
        (FirstSuspend == ~0u || It->second.first < FirstSuspend))
      continue;
    FunctionGraph::LocalFinding LF;
    LF.Check = "escape-coroutine";
    LF.Subject = P->getNameAsString();
    LF.Message = "reference parameter '" + LF.Subject + "' of coroutine '" +
                 FD->getNameAsString() +
                 "' is used after a suspension point; it dangles when the "
                 "coroutine outlives the argument (a temporary, or a local of "
                 "the caller)";
    LF.Pos = pos(P->getLocation());
    LF.Flow.push_back(note(Lazy ? "lazy coroutine: suspends before its body"
                                : "first suspension point",
                           Lazy ? CB->getBeginLoc() : F.FirstLoc,
                           FD->getNameAsString()));
    LF.Flow.push_back(
        note("used after it", It->second.second, P->getNameAsString()));
    G.Local.push_back(std::move(LF));
  }
}

void FunctionBuilder::collectReassigned(const Stmt *Body) {
  // A pointer variable used as an lvalue other than by being read may be
  // re-pointed, so stores through it cannot be resolved statically.
  struct Collector : RecursiveASTVisitor<Collector> {
    llvm::DenseMap<const VarDecl *, unsigned> Refs, Reads;
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()))
        ++Refs[VD];
      return true;
    }
    bool VisitImplicitCastExpr(ImplicitCastExpr *E) {
      if (E->getCastKind() == CK_LValueToRValue)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(E->getSubExpr()->IgnoreParens()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            ++Reads[VD];
      return true;
    }
    // A smart pointer is re-pointed only by assignment, reset or swap.
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
      if (E->getOperator() == OO_Equal && E->getNumArgs() > 0)
        reseat(E->getArg(0));
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      if (const CXXMethodDecl *MD = E->getMethodDecl())
        if (MD->getIdentifier() &&
            (MD->getName() == "reset" || MD->getName() == "swap"))
          reseat(E->getImplicitObjectArgument());
      return true;
    }
    void reseat(const Expr *Obj) {
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
              Obj ? Obj->IgnoreParenImpCasts() : nullptr))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Reseated.insert(VD);
    }
    llvm::DenseSet<const VarDecl *> Reseated;
  } C;
  C.TraverseStmt(const_cast<Stmt *>(Body));
  for (auto &[VD, N] : C.Refs) {
    if (VD->getType()->isReferenceType())
      continue;
    if (TU.Types.classify(VD->getType()) == RecordClass::SmartPtr) {
      if (C.Reseated.count(VD))
        Reassigned.insert(VD);
    } else if (C.Reads.lookup(VD) < N) {
      Reassigned.insert(VD);
    }
  }
}

/// True if S may leave the function, or (Blocks) just leave its block by
/// `break` or `continue`. With Blocks, a `return` or a `throw` written by a
/// macro (`ASSERT_EQ`, `RETURN_IF_ERROR`, an assertion that throws) is an
/// error path, like an exception thrown by a call, and not counted.
static bool leaves(const Stmt *S, bool Blocks, bool InLoop = false,
                   bool InSwitch = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  // A `break` or `continue` of a loop or switch within S stays in S.
  if (isa<BreakStmt>(S) && (InLoop || InSwitch))
    return false;
  if (isa<ContinueStmt>(S) && InLoop)
    return false;
  bool Loop = isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
              isa<CXXForRangeStmt>(S);
  if (const auto *R = dyn_cast<ReturnStmt>(S);
      R && Blocks && R->getReturnLoc().isMacroID())
    return false;
  if (const auto *T = dyn_cast<CXXThrowExpr>(S);
      T && Blocks && T->getThrowLoc().isMacroID())
    return false;
  if (isa<ReturnStmt>(S) || isa<CXXThrowExpr>(S) || isa<GotoStmt>(S) ||
      isa<CoreturnStmt>(S) || isa<CoroutineSuspendExpr>(S) ||
      (Blocks && (isa<BreakStmt>(S) || isa<ContinueStmt>(S))))
    return true;
  for (const Stmt *C : S->children())
    if (leaves(C, Blocks, InLoop || Loop, InSwitch || isa<SwitchStmt>(S)))
      return true;
  return false;
}
static bool leavesFrame(const Stmt *S) { return leaves(S, true); }
static bool exitsFunction(const Stmt *S) { return leaves(S, false); }

namespace {
/// The two sides of an assignment: `a = b`, or `a.operator=(b)` on a class
/// (a view, a smart pointer).
struct Assignment {
  const Expr *LHS = nullptr, *RHS = nullptr;
  explicit operator bool() const { return LHS != nullptr; }
};
} // namespace

static Assignment assignmentSides(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return {};
  E = E->IgnoreImplicit();
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Assign)
    return {BO->getLHS(), BO->getRHS()};
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
    return {OC->getArg(0), OC->getArg(1)};
  return {};
}

/// The object S gives a new value: the left side of an assignment, or the
/// smart pointer or optional emptied by `x.reset()`. Null for anything else.
static const Expr *replacedObject(const Stmt *S) {
  if (Assignment A = assignmentSides(S))
    return A.LHS;
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *MC =
      E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() || MD->getName() != "reset" ||
      MC->getNumArgs() != 0)
    return nullptr;
  return MC->getImplicitObjectArgument();
}

/// True if A and B name the same global lvalue: g, g.f, C::s.
static bool sameLValue(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A)) {
    const auto *DB = dyn_cast<DeclRefExpr>(B);
    return DB && DA->getDecl() == DB->getDecl();
  }
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = dyn_cast<MemberExpr>(B);
    return MB && MA->getMemberDecl() == MB->getMemberDecl() &&
           MA->isArrow() == MB->isArrow() &&
           sameLValue(MA->getBase(), MB->getBase());
  }
  return isa<CXXThisExpr>(A) && isa<CXXThisExpr>(B);
}

/// A `co_await` in \p S of one of \p Objects (`register(pi); co_await
/// pi;`), or null.
static const CoawaitExpr *awaitOf(const Stmt *S,
                                  llvm::ArrayRef<const Expr *> Objects) {
  if (!S)
    return nullptr;
  if (const auto *CA = dyn_cast<CoawaitExpr>(S))
    if (const Expr *Op = CA->getOperand();
        Op &&
        llvm::any_of(Objects, [&](const Expr *O) { return sameLValue(Op, O); }))
      return CA;
  for (const Stmt *C : S->children())
    if (const CoawaitExpr *CA = awaitOf(C, Objects))
      return CA;
  return nullptr;
}

/// True if A is a member (or a member of a member) of the object B names:
/// `this->stack_` of `this`, `d.refs` of `d`, `p->refs` of `p`.
static bool memberOf(const Expr *A, const Expr *B) {
  const auto *ME = dyn_cast<MemberExpr>(A->IgnoreParenImpCasts());
  for (; ME; ME = dyn_cast<MemberExpr>(ME->getBase()->IgnoreParenImpCasts()))
    if (sameLValue(ME->getBase(), B))
      return true;
  return false;
}

/// What a store writes: a global (or static member), a member of *this, or
/// a member of what a pointer variable points to.
/// True if E calls a member function on a temporary that dies at the end of
/// its full-expression (`Buffer().bytes()`): a global given an address into
/// it dangles from there on, even when a later store overwrites it.
static bool makesShortTemporary(const Expr *E) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
      const Expr *O = C->getImplicitObjectArgument();
      // Parentheses and implicit casts only: IgnoreParenImpCasts would skip
      // the materialization looked for.
      while (O) {
        O = O->IgnoreParens();
        const auto *IC = dyn_cast<ImplicitCastExpr>(O);
        if (!IC)
          break;
        O = IC->getSubExpr();
      }
      const auto *M = dyn_cast_or_null<MaterializeTemporaryExpr>(O);
      Found |= M && M->getStorageDuration() == SD_FullExpression;
      return !Found;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  } F;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

static const ValueDecl *storedGlobal(const Expr *LHS) {
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(LHS)) {
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return VD; // a static data member
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base) || (ME->isArrow() && isa<DeclRefExpr>(Base)))
      return ME->getMemberDecl();
    if (!ME->isArrow())
      return storedGlobal(ME->getBase());
  }
  return nullptr;
}

static bool sameExpr(const ASTContext &Ctx, const Expr *A, const Expr *B) {
  llvm::FoldingSetNodeID IA, IB;
  A->IgnoreParenImpCasts()->Profile(IA, Ctx, /*Canonical=*/true);
  B->IgnoreParenImpCasts()->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

/// The local whose address a store stores (`m = &x;`), or null.
static const VarDecl *storedAddressOf(Assignment Store) {
  const auto *UO = dyn_cast<UnaryOperator>(Store.RHS->IgnoreParenImpCasts());
  const auto *DRE =
      UO && UO->getOpcode() == UO_AddrOf
          ? dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens())
          : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

/// True if condition C only tests local X: `x`, `!x`, `x == k`, `x != k`
/// with k a constant.
static bool testsOnly(const ASTContext &Ctx, const Expr *C, const VarDecl *X) {
  C = C->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(C))
    return DRE->getDecl() == X;
  if (const auto *UO = dyn_cast<UnaryOperator>(C))
    return UO->getOpcode() == UO_LNot && testsOnly(Ctx, UO->getSubExpr(), X);
  if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
    if (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE)
      return false;
    const Expr *L = BO->getLHS(), *R = BO->getRHS();
    if (!testsOnly(Ctx, L, X))
      std::swap(L, R);
    return testsOnly(Ctx, L, X) && !R->isValueDependent() &&
           R->isEvaluatable(Ctx);
  }
  return false;
}

/// How a statement run after a store leaves the store's target.
enum class Clear { No, Maybe, Yes };

/// Whether S, run after Store, leaves Store's target without the value
/// Store put there: `m = nullptr;`, or `if (m == &x) m = nullptr;` after
/// `m = &x;` (when the test fails, m was changed by someone else). A clear
/// under a test of `x` itself (`if (!x) m = nullptr;`) is a maybe: `x`
/// changed only through the address `m` was given, so whoever holds it has
/// used it, most often to say it let go of it (a callback's destructor
/// telling the caller it is gone), but not provably.
static Clear clears(const ASTContext &Ctx, const Stmt *S, Assignment Store) {
  const Expr *Target = Store.LHS;
  if (const Expr *Replaced = replacedObject(S))
    return sameLValue(Replaced, Target) ? Clear::Yes : Clear::No;
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->isConsteval() || If->getElse() || If->getInit() ||
      If->getConditionVariable())
    return Clear::No;
  Clear Result = Clear::No;
  const auto *Cond = dyn_cast<BinaryOperator>(If->getCond()->IgnoreImplicit());
  if (Cond && Cond->getOpcode() == BO_EQ) {
    const Expr *L = Cond->getLHS(), *R = Cond->getRHS();
    if (!sameLValue(L, Target))
      std::swap(L, R);
    if (sameLValue(L, Target) && sameExpr(Ctx, R, Store.RHS))
      Result = Clear::Yes;
  }
  if (const VarDecl *X = storedAddressOf(Store);
      Result == Clear::No && X && testsOnly(Ctx, If->getCond(), X))
    Result = Clear::Maybe;
  if (Result == Clear::No)
    return Clear::No;
  const Stmt *Then = If->getThen();
  if (const auto *CS = dyn_cast<CompoundStmt>(Then)) {
    for (const Stmt *C : CS->body()) {
      if (Assignment A = assignmentSides(C))
        if (sameLValue(A.LHS, Target))
          return Result;
      if (leavesFrame(C))
        return Clear::No;
    }
    return Clear::No;
  }
  Assignment A = assignmentSides(Then);
  return A && sameLValue(A.LHS, Target) ? Result : Clear::No;
}

/// Whether every way from Store to the end of the function passes a
/// statement that clears Store's target: the blocks around Store are
/// searched outwards for a clear after it; a function exit on the way, or
/// anywhere in a loop around Store (a later iteration), defeats it. Maybe
/// when the first clear found is a maybe and no certain one follows it.
static Clear clearedLater(const ASTContext &Ctx, ParentMap &PM,
                          const Stmt *Body, const Expr *Store) {
  Assignment Sides = assignmentSides(Store);
  if (!Sides)
    return Clear::No;
  const Stmt *Cur = Store;
  Clear Found = Clear::No;
  while (Cur != Body) {
    const Stmt *P = PM.getParent(Cur);
    if (!P || isa<LambdaExpr>(P))
      return Found;
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      bool After = false;
      for (const Stmt *C : CS->body()) {
        if (C == Cur) {
          After = true;
          continue;
        }
        if (!After)
          continue;
        Clear Here = clears(Ctx, C, Sides);
        if (Here == Clear::Yes)
          return Clear::Yes;
        if (Here == Clear::Maybe)
          Found = Clear::Maybe;
        if (exitsFunction(C))
          return Found;
        if (leavesFrame(C))
          break; // break/continue: the clear may still come outside
      }
    } else if (isa<ForStmt>(P) || isa<WhileStmt>(P) || isa<DoStmt>(P) ||
               isa<CXXForRangeStmt>(P)) {
      if (exitsFunction(P))
        return Found;
    }
    Cur = P;
  }
  return Found;
}

/// `obj.push_back(x)`-like calls and the calls that take it out again.
static const CXXMemberCallExpr *containerCall(const Stmt *S, bool Undo) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit());
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier())
    return nullptr;
  llvm::StringRef N = MD->getName();
  bool Is = Undo ? (N == "pop_back" || N == "pop_front" || N == "pop" ||
                    N == "clear" || N == "erase")
                 : (N == "push_back" || N == "emplace_back" ||
                    N == "push_front" || N == "emplace_front" || N == "push" ||
                    N == "emplace" || N == "insert");
  return Is ? MC : nullptr;
}

/// True if statement S declares the variable that Waited names.
static bool declaresWaited(const Stmt *S, const Expr *Waited) {
  const auto *DS = dyn_cast_or_null<DeclStmt>(S);
  const auto *DRE =
      Waited ? dyn_cast<DeclRefExpr>(Waited->IgnoreParenImpCasts()) : nullptr;
  if (!DS || !DRE)
    return false;
  return llvm::any_of(DS->decls(),
                      [&](const Decl *D) { return D == DRE->getDecl(); });
}

void FunctionBuilder::markSignalled(const CallExpr *Give) {
  // The hand-off, the calls that make its arguments (a lambda's conversion
  // to std::function), and the calls of the lambdas each is given; not the
  // calls inside the lambdas' bodies, which are functions of their own.
  struct Walker : RecursiveASTVisitor<Walker> {
    FunctionBuilder &B;
    explicit Walker(FunctionBuilder &B) : B(B) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitExpr(Expr *E) {
      auto CI = B.CallIndex.find(E);
      if (CI == B.CallIndex.end())
        return true;
      auto N = B.CallablesOf.find(E);
      unsigned Last = CI->second + (N == B.CallablesOf.end() ? 0 : N->second);
      for (unsigned K = CI->second; K <= Last && K < B.G.Calls.size(); ++K)
        B.G.Calls[K].Signalled = true;
      return true;
    }
  } W(*this);
  W.TraverseStmt(const_cast<CallExpr *>(Give));
}

/// The counter whose value E reads: `count.load()`, `count` itself (an
/// integer, or an atomic converted to its value). Null for anything else.
static const Expr *counterRead(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *MD = MC->getMethodDecl();
    if (MD && (isa<CXXConversionDecl>(MD) ||
               (MD->getIdentifier() && MD->getName() == "load")))
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  return isa<DeclRefExpr, MemberExpr>(E) ? E : nullptr;
}

/// The counter S decrements: `c.store(n - 1)`, `c.fetch_sub(1)`, `--c`,
/// `c -= k`, `c = n - 1`. Null for anything else.
static const Expr *counterDecremented(const Stmt *S) {
  auto Minus = [](const Expr *E) {
    const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
    return BO && BO->getOpcode() == BO_Sub;
  };
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const auto *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        ((MD->getName() == "store" && MC->getNumArgs() > 0 &&
          Minus(MC->getArg(0))) ||
         MD->getName() == "fetch_sub"))
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isDecrementOp() ? UO->getSubExpr() : nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOpcode() == BO_SubAssign ||
                   (BO->getOpcode() == BO_Assign && Minus(BO->getRHS()))
               ? BO->getLHS()
               : nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    return (OC->getOperator() == OO_MinusMinus ||
            OC->getOperator() == OO_MinusEqual) &&
                   OC->getNumArgs() > 0
               ? OC->getArg(0)
               : nullptr;
  return nullptr;
}

const Expr *FunctionBuilder::countDroppedLater(const Expr *LHS,
                                               const Expr *Store) {
  // A hand-rolled stack: `n = count.load(); a[n] = &w; count.store(n + 1);`
  // ... `count.store(n - 1);`. Which slot the decrement gives up is not
  // tracked (a swap may move the waiter to the top first).
  const Expr *Index = nullptr;
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(LHS))
    Index = AS->getIdx();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(LHS);
           OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
    Index = OC->getArg(1);
  const auto *IR =
      Index ? dyn_cast<DeclRefExpr>(Index->IgnoreParenImpCasts()) : nullptr;
  const auto *V = IR ? dyn_cast<VarDecl>(IR->getDecl()) : nullptr;
  const Stmt *Body = FD->getBody();
  if (!V || !V->hasLocalStorage() || !Body)
    return nullptr;
  // The counters the index was read from, and their later decrements.
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    llvm::SmallVector<const Expr *, 2> Counters, Decrements;
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitStmt(Stmt *S) {
      if (const Expr *C = counterDecremented(S))
        Decrements.push_back(C);
      const auto *BO = dyn_cast<BinaryOperator>(S);
      if (BO && BO->getOpcode() == BO_Assign)
        if (const auto *D =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts());
            D && D->getDecl() == V)
          if (const Expr *C = counterRead(BO->getRHS()))
            Counters.push_back(C);
      return true;
    }
  } F;
  F.V = V;
  if (const Expr *Init = V->getInit())
    if (const Expr *C = counterRead(Init))
      F.Counters.push_back(C);
  F.TraverseStmt(const_cast<Stmt *>(Body));
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Expr *D : F.Decrements)
    if (SM.isBeforeInTranslationUnit(Store->getEndLoc(), D->getBeginLoc()))
      for (const Expr *C : F.Counters)
        if (sameLValue(C, D))
          return D;
  return nullptr;
}

/// The variables \p S names (a lambda's captures included), and those the
/// initializers of the locals it names name, three initializers deep: all
/// that holdsAddressOf(S, V), givesAddressOf and givesSharedCopyOf can
/// find S to hold.
static llvm::DenseSet<const VarDecl *> namedThroughInits(const Stmt *S) {
  struct Names : RecursiveASTVisitor<Names> {
    llvm::SmallVectorImpl<const VarDecl *> &Out;
    explicit Names(llvm::SmallVectorImpl<const VarDecl *> &Out) : Out(Out) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (const auto *V = dyn_cast<VarDecl>(E->getDecl()))
        Out.push_back(V);
      return true;
    }
    bool VisitLambdaExpr(LambdaExpr *LE) {
      auto Add = [&](const VarDecl *V) {
        if (V)
          Out.push_back(V);
      };
      visitCaptures(LE, [](Expr *) {}, Add, Add);
      return true;
    }
  };
  llvm::DenseSet<const VarDecl *> Set;
  llvm::SmallVector<const VarDecl *, 16> Level;
  Names(Level).TraverseStmt(const_cast<Stmt *>(S));
  for (int Depth = 0; Depth <= 3 && !Level.empty(); ++Depth) {
    llvm::SmallVector<const VarDecl *, 16> Next;
    for (const VarDecl *V : Level)
      if (Set.insert(V).second && Depth < 3 && V->hasLocalStorage() &&
          V->getInit())
        Names(Next).TraverseStmt(const_cast<Expr *>(V->getInit()));
    Level = std::move(Next);
  }
  return Set;
}

/// True if \p E, passed on unchanged (handleOf), is the handle \p Var
/// (a local) or \p LV (an lvalue: a member, a global).
static bool isHandle(const Expr *E, const VarDecl *Var, const Expr *LV);

/// What statement \p S stores a value into: the variable it declares, or
/// the left side of its assignment, with the value (`auto f =
/// async(g).then(h);`, `sut = async(g);`). A null value otherwise.
struct StoredHandle {
  const VarDecl *Var = nullptr;
  const Expr *LV = nullptr;
  const Expr *Value = nullptr;
};
static StoredHandle storedHandle(const Stmt *S) {
  if (const auto *FE = dyn_cast<FullExpr>(S))
    S = FE->getSubExpr();
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    const auto *VD =
        DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (VD && VD->getInit() && !VD->getType()->isReferenceType() &&
        VD->getType()->isRecordType())
      return {VD, nullptr, VD->getInit()};
    return {};
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign)
    return {nullptr, BO->getLHS(), BO->getRHS()};
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
    return {nullptr, OC->getArg(0), OC->getArg(1)};
  return {};
}

/// The calls of \p S, not counting those inside lambdas, given the handle
/// \p Var or \p LV as an argument (`check(std::move(fut))`), each with the
/// slot it is given in.
static void
handleTakers(const Stmt *S, const VarDecl *Var, const Expr *LV,
             llvm::SmallVectorImpl<std::pair<const CallExpr *, int>> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *Var;
    const Expr *LV;
    llvm::SmallVectorImpl<std::pair<const CallExpr *, int>> &Out;
    Finder(const VarDecl *Var, const Expr *LV,
           llvm::SmallVectorImpl<std::pair<const CallExpr *, int>> &Out)
        : Var(Var), LV(LV), Out(Out) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitCallExpr(CallExpr *E) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(E->getDirectCallee());
      if (isa<CXXOperatorCallExpr>(E) && MD)
        return true; // the object's own operators
      int Base = isa<CXXMemberCallExpr>(E) ? 1 : 0;
      for (unsigned A = 0; A < E->getNumArgs(); ++A)
        if (isHandle(E->getArg(A), Var, LV))
          Out.push_back({E, Base + static_cast<int>(A)});
      return true;
    }
  } F(Var, LV, Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}

/// The variable or member lvalue \p LV names last (`this->sut` names
/// `sut`), or null.
static const Decl *namedDecl(const Expr *LV) {
  LV = LV ? LV->IgnoreParenImpCasts() : nullptr;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(LV))
    return ME->getMemberDecl();
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(LV))
    return DRE->getDecl();
  return nullptr;
}

/// The local containers statement \p S adds an element to, each with the
/// value it adds (`v.push_back(E)`, `v.emplace_back(E)`, `v[i] = E`), not
/// counting calls inside lambdas.
static void addedElements(
    const Stmt *S,
    llvm::SmallVectorImpl<std::pair<const VarDecl *, const Expr *>> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<std::pair<const VarDecl *, const Expr *>> &Out;
    explicit Finder(
        llvm::SmallVectorImpl<std::pair<const VarDecl *, const Expr *>> &Out)
        : Out(Out) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    static const VarDecl *local(const Expr *E) {
      const VarDecl *V = objectVariable(E);
      return V && V->hasLocalStorage() ? V : nullptr;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      const CXXMethodDecl *MD = E->getMethodDecl();
      const VarDecl *V = local(E->getImplicitObjectArgument());
      if (!V || !MD || !MD->getIdentifier() ||
          !llvm::is_contained({"push_back", "emplace_back", "push", "emplace",
                               "insert", "push_front", "emplace_front"},
                              MD->getName()))
        return true;
      for (const Expr *A : E->arguments())
        Out.push_back({V, A});
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
      if (E->getOperator() != OO_Equal || E->getNumArgs() != 2)
        return true;
      const auto *Sub =
          dyn_cast<CXXOperatorCallExpr>(E->getArg(0)->IgnoreParenImpCasts());
      if (Sub && Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2)
        if (const VarDecl *V = local(Sub->getArg(0)))
          Out.push_back({V, E->getArg(1)});
      return true;
    }
  } F(Out);
  F.TraverseStmt(const_cast<Stmt *>(S));
}

/// True if loop \p S waits on each element of container \p V: a
/// range-`for` over V whose body waits on its variable (`for (auto &f :
/// futs) f.get();`), or a loop whose body waits on `V[i]` or `V.at(i)`.
static bool waitsOnElements(const Stmt *S, const VarDecl *V,
                            const ModelTable *Models) {
  llvm::SmallVector<const Expr *, 2> Waits;
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S)) {
    const VarDecl *Elem = RF->getLoopVariable();
    if (!isHandle(RF->getRangeInit(), V, nullptr))
      return false;
    waitedObjects(RF->getBody(), Models, Waits);
    return llvm::any_of(
        Waits, [&](const Expr *W) { return isHandle(W, Elem, nullptr); });
  }
  const Stmt *Body = nullptr;
  if (const auto *F = dyn_cast<ForStmt>(S))
    Body = F->getBody();
  else if (const auto *W = dyn_cast<WhileStmt>(S))
    Body = W->getBody();
  if (!Body)
    return false;
  waitedObjects(Body, Models, Waits);
  return llvm::any_of(Waits, [&](const Expr *W) {
    W = handleOf(W);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(W);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      return isHandle(OC->getArg(0), V, nullptr);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(W);
        MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
        MC->getMethodDecl()->getName() == "at")
      return isHandle(MC->getImplicitObjectArgument(), V, nullptr);
    return false;
  });
}

/// True if statement \p S assigns the handle \p Var or \p LV.
static bool assignsTo(const Stmt *S, const VarDecl *Var, const Expr *LV) {
  if (const auto *FE = dyn_cast<FullExpr>(S))
    S = FE->getSubExpr();
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign)
    return isHandle(BO->getLHS(), Var, LV);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
    return isHandle(OC->getArg(0), Var, LV);
  return false;
}

/// True if value \p E is made by a call on, or given, an expression
/// \p Handle accepts (`sut.then(g)`, `sut | g`, `when_all(f, a, b)`), not
/// counting calls inside lambdas.
static bool madeFrom(const Expr *E,
                     llvm::function_ref<bool(const Expr *)> Handle) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::function_ref<bool(const Expr *)> Handle;
    bool Found = false;
    explicit Finder(llvm::function_ref<bool(const Expr *)> Handle)
        : Handle(Handle) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitCallExpr(CallExpr *E) {
      if (!E->getType()->isRecordType())
        return true;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
        Found |= Handle(MC->getImplicitObjectArgument());
      for (const Expr *A : E->arguments())
        Found |= Handle(A);
      return !Found;
    }
  } F(Handle);
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

static bool isHandle(const Expr *E, const VarDecl *Var, const Expr *LV) {
  E = handleOf(E);
  if (Var) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE && DRE->getDecl() == Var;
  }
  return LV && sameLValue(E, LV);
}

void FunctionBuilder::killOverwrittenGlobalStores(const Stmt *Body) {
  // Within one block, a store of a local's address into a global that is
  // overwritten later in the same block, with no exit in between, never
  // outlives the frame ("set, use, clear").
  struct Walker : RecursiveASTVisitor<Walker> {
    FunctionBuilder &B;
    const Stmt *FnBody;
    Walker(FunctionBuilder &B, const Stmt *FnBody) : B(B), FnBody(FnBody) {}
    bool VisitCompoundStmt(CompoundStmt *CS) {
      // A labelled statement (`done: for (auto &f : futs) f.wait();`, the
      // target of a `goto done;` leaving a loop) is the statement.
      std::vector<const Stmt *> Stmts;
      for (const Stmt *S : CS->body()) {
        while (const auto *L = dyn_cast_or_null<LabelStmt>(S))
          S = L->getSubStmt();
        Stmts.push_back(S);
      }
      // The waits of each statement, found once per block when a hand-off
      // asks (most blocks have none).
      std::vector<llvm::SmallVector<const Expr *, 2>> Waits;
      auto WaitsIn = [&](size_t J) -> llvm::ArrayRef<const Expr *> {
        if (Waits.empty()) {
          Waits.resize(Stmts.size());
          for (size_t K = 0; K < Stmts.size(); ++K)
            waitedObjects(Stmts[K], B.TU.Opts.Models, Waits[K]);
        }
        return Waits[J];
      };
      // The member calls on locals of each statement, found once per block
      // when a hand-off looks for a signal (CallSite::SignalledBy).
      std::vector<llvm::SmallVector<const CXXMemberCallExpr *, 2>> OnLocals;
      auto CallsOnLocalsIn =
          [&](size_t J) -> llvm::ArrayRef<const CXXMemberCallExpr *> {
        if (OnLocals.empty()) {
          OnLocals.resize(Stmts.size());
          for (size_t K = 0; K < Stmts.size(); ++K)
            callsOnLocals(Stmts[K], OnLocals[K]);
        }
        return OnLocals[J];
      };
      // Whether each statement may leave the frame, asked by every earlier
      // statement's searches: found once.
      std::vector<signed char> Leaving(Stmts.size(), -1);
      auto Leaves = [&](size_t J) {
        if (Leaving[J] < 0)
          Leaving[J] = leavesFrame(Stmts[J]);
        return Leaving[J] == 1;
      };
      std::vector<llvm::SmallVector<ObjectUse, 2>> Uses;
      auto UsesIn = [&](size_t J) -> llvm::ArrayRef<ObjectUse> {
        if (Uses.empty()) {
          Uses.resize(Stmts.size());
          for (size_t K = 0; K < Stmts.size(); ++K)
            objectUses(Stmts[K], Uses[K]);
        }
        return Uses[J];
      };
      for (size_t I = 0; I < Stmts.size(); ++I) {
        // Work handed to an object and waited for before any exit: a
        // borrow that ends at the wait (`pool.submit(f); pool.wait();`,
        // `auto fut = pool.submit(f); fut.get();`).
        // A call given a local object that the work it is given holds:
        // the callee may wait on it itself, its summary decides
        // (`execute_and_wait(*t, ctx)`, FunctionSummary::WaitsOn).
        llvm::SmallVector<const CallExpr *, 4> Given;
        localObjectGivers(Stmts[I], Given);
        for (const CallExpr *Give : Given) {
          llvm::SmallVector<int, 2> Held;
          heldLocalSlots(Give, Stmts, I, Held);
          if (auto CI = B.CallIndex.find(Give); CI != B.CallIndex.end())
            for (int S : Held)
              if (!llvm::is_contained(B.G.Calls[CI->second].WaitsOnArgs, S))
                B.G.Calls[CI->second].WaitsOnArgs.push_back(S);
        }
        // The handle statement I stores (a future), waited on later: the
        // work behind it has run (CallSite::HandleWaited).
        handleWaited(CS, Stmts, I, WaitsIn, Leaves);
        Given.clear();
        handOffs(Stmts[I], B.TU.Opts.Models, Given);
        // Whether the work of statement I holds local V: asked again for
        // every later statement, answered once (a test body of hundreds of
        // assertions, each a hand-off).
        llvm::DenseMap<const VarDecl *, bool> HeldByWork;
        std::optional<llvm::DenseSet<const VarDecl *>> Named;
        auto Signals = [&](const VarDecl *V) {
          if (!V || !V->hasLocalStorage())
            return false;
          // Only what the statement names, or what the locals it names
          // were built from, can it hold (asked of every later statement's
          // locals: a cheap no for most).
          if (!Named)
            Named = namedThroughInits(Stmts[I]);
          if (!Named->contains(V))
            return false;
          auto [It, New] = HeldByWork.try_emplace(V, false);
          if (New)
            It->second = givesAddressOf(Stmts[I], V) ||
                         givesSharedCopyOf(Stmts[I], V) ||
                         holdsAddressOf(Stmts[I], V);
          return It->second;
        };
        for (const CallExpr *Give : Given) {
          auto CI = B.CallIndex.find(Give);
          if (CI == B.CallIndex.end() || B.G.Calls[CI->second].Undone)
            continue;

          bool Waited = false, Signal = false;
          int SignalledBy = -1;
          // A free function hands work to what it finds itself: only a
          // signal the work gives can be waited on.
          const auto *Member = dyn_cast<CXXMemberCallExpr>(Give);
          const Expr *ObjectArg =
              Member ? Member->getImplicitObjectArgument() : nullptr;
          const VarDecl *Object = objectVariable(ObjectArg);
          for (size_t J = I + 1; J < Stmts.size() && !Waited; ++J) {
            // A wait on the object, on what the call returned, or on a
            // local the work was given the address of (a latch it counts
            // down, a flag it sets, spun on or waited for).
            Waited = llvm::any_of(WaitsIn(J), [&](const Expr *W) {
              const VarDecl *V = objectVariable(W);
              return (ObjectArg && sameLValue(W, ObjectArg)) ||
                     (V && V == Object) || declaresWaited(Stmts[I], W);
            });
            // Directly, or through a handle made from it (a future of a
            // promise the work fulfils).
            Signal = !Waited && llvm::any_of(WaitsIn(J), [&](const Expr *W) {
              const VarDecl *R = rootVariable(W);
              return Signals(R) || Signals(handleSource(R)) ||
                     Signals(handleSource(W));
            });
            llvm::SmallVector<const VarDecl *, 2> Spun;
            spunOn(Stmts[J], Spun);
            Signal |= !Waited && llvm::any_of(Spun, Signals);
            Waited |= Signal;
            // A call on such a local whose callee may wait on it (an event
            // loop's `run()`): its summary decides.
            if (!Waited && SignalledBy < 0) {
              for (const CXXMemberCallExpr *MC : CallsOnLocalsIn(J))
                if (auto L = B.CallIndex.find(MC);
                    L != B.CallIndex.end() &&
                    Signals(rootVariable(MC->getImplicitObjectArgument()))) {
                  SignalledBy = L->second;
                  break;
                }
            }
            // Or a call given such a local that its own work holds too, and
            // whose callee may wait on it (`spawn(t1); execute_and_wait(t2,
            // ctx);`, both tasks holding `ctx`): CallSite::WaitsOnArgs.
            if (!Waited && SignalledBy < 0) {
              llvm::SmallVector<const CallExpr *, 2> Waiters;
              localObjectGivers(Stmts[J], Waiters);
              for (const CallExpr *W : Waiters) {
                llvm::SmallVector<int, 2> Held;
                heldLocalSlots(W, Stmts, J, Held);
                auto L = B.CallIndex.find(W);
                if (L != B.CallIndex.end() && llvm::any_of(Held, [&](int S) {
                      return Signals(heldLocal(W, S));
                    })) {
                  SignalledBy = L->second;
                  break;
                }
              }
            }
            if (Leaves(J))
              break;
          }
          // Or a guard of the block waits on the object at its end
          // (`Shutdowner guard(pool);`), declared before the hand-off or
          // after it with no exit in between.
          // Only work handed to a local can be guarded (guardsHandOff).
          bool Exit = false;
          for (size_t J = 0; J < Stmts.size() && !Waited && Object &&
                             Object->hasLocalStorage();
               ++J) {
            if (J > I + 1)
              Exit |= Leaves(J - 1);
            const auto *DS = dyn_cast<DeclStmt>(Stmts[J]);
            if (J == I || !DS || Exit)
              continue;
            for (const Decl *D : DS->decls())
              if (const auto *Guard = dyn_cast<VarDecl>(D))
                Waited |=
                    guardsHandOff(Guard, Member, Stmts[I], B.TU.Opts.Models,
                                  B.Ctx.getSourceManager());
          }
          if (Waited)
            B.G.Calls[CI->second].Undone = B.G.Calls[CI->second].WaitedFor =
                true;
          // (A hand-off in a loop is met again in the loop's body, where
          // a destruction after the loop is not seen.)
          else {
            B.G.Calls[CI->second].SignalledBy = SignalledBy;
            if (int D = destroyedAfter(Give, Object, Stmts, I); D >= 0)
              B.G.Calls[CI->second].DrainedBy.push_back(D);
          }
          // A signal is the work's own word that it is done, the work it
          // started in turn included (the flag set by its last
          // continuation).
          if (Signal)
            B.markSignalled(Give);
        }
        // Work given to an object (a call given a callable), and a later
        // call of the block, before any exit, on that object (or on the
        // object it was made from) that runs what the object holds
        // (`post(ioc, f); ioc.run();`): its callee's summary decides.
        llvm::SmallVector<const CallExpr *, 4> Givers;
        callableGivers(Stmts[I], Givers);
        // Not work naming a local of a nested block, dead by then.
        llvm::erase_if(Givers, [&](const CallExpr *Give) {
          return Give != Stmts[I] &&
                 namesLocalWithin(Give, Stmts[I], B.Ctx.getSourceManager());
        });
        for (size_t J = I + 1; J < Stmts.size() && !Givers.empty(); ++J) {
          for (const ObjectUse &L : UsesIn(J))
            for (const CallExpr *Give : Givers)
              if (int D = laterRun(L, UsesIn(I), Give); D >= 0)
                B.G.Calls[B.CallIndex.find(Give)->second].DrainedBy.push_back(
                    D);
          if (Leaves(J))
            break;
        }
        // A call given an object that a later call of the block, before any
        // exit, works on again: the object may let go of what the first
        // call gave it by then.
        for (const ObjectUse &U : UsesIn(I)) {
          auto CI = B.CallIndex.find(U.Call);
          if (U.Objects.empty() || U.NamesInner || CI == B.CallIndex.end() ||
              !B.G.Calls[CI->second].ReleasedBy.empty())
            continue;
          const Expr *By = nullptr;
          for (size_t J = I + 1; J < Stmts.size() && !By; ++J) {
            for (const ObjectUse &L : UsesIn(J)) {
              // Given the same object, or a member of it, and writing what
              // the call wrote (a pop after a push, an unlink after a link,
              // `CreateSchema(...)` ... `schemaRef_.ShrinkToFit()`).
              auto Same = [&](const Expr *O) {
                return llvm::any_of(U.Objects, [&](const Expr *P) {
                  return sameLValue(O, P) || memberOf(O, P);
                });
              };
              // The same function again only when given nothing, a
              // setter of the program's (`w.setDelegate(&d); ...
              // w.setDelegate(nullptr);`), not a container's append.
              const auto *LC = dyn_cast<CallExpr>(L.Call);
              bool Other =
                  L.Callee != U.Callee ||
                  (LC && !isInStd(L.Callee) && argumentsGiveNothing(LC, B.TU));
              bool Again = Other && llvm::any_of(L.Objects, Same) &&
                           overlap(fieldsWritten(L.Callee, B.TU),
                                   fieldsWritten(U.Callee, B.TU));
              if (Again) {
                By = L.Call;
                break;
              }
            }
            // Or a coroutine suspended on that very object (a timer entry
            // registered, then awaited): whoever resumes it takes the entry
            // back first, as an awaiter does.
            if (!By && B.G.IsCoroutine)
              By = awaitOf(Stmts[J], U.Objects);
            if (Leaves(J))
              break;
          }
          if (By)
            B.G.Calls[CI->second].ReleasedBy = B.text(By);
        }
        // A call that stores into a global, and a later call of the block,
        // before any exit, given no address, that gives that global a new
        // value or empties it (`install(&s); ... uninstall();`,
        // `set(&s); ... set(nullptr);`): the global may let go of what the
        // first call gave it by then. Not for a local of a nested block,
        // dead before the clear.
        llvm::SmallVector<const CallExpr *, 2> Storing, Unseen;
        if (I + 1 < Stmts.size())
          globalStoringCalls(Stmts[I], B.TU, Storing, Unseen);
        auto Pairable = [&](const CallExpr *U) {
          auto CI = B.CallIndex.find(U);
          if (CI == B.CallIndex.end() ||
              !B.G.Calls[CI->second].ReleasedBy.empty() ||
              (U != Stmts[I] &&
               namesLocalWithin(U, Stmts[I], B.Ctx.getSourceManager())))
            return -1;
          return CI->second;
        };
        for (const CallExpr *U : Storing) {
          int C = Pairable(U);
          if (C < 0)
            continue;
          const std::vector<const VarDecl *> &Stored =
              writesOf(U->getDirectCallee(), B.TU).GlobalsStored;
          for (size_t J = I + 1; J < Stmts.size(); ++J) {
            if (const CallExpr *By =
                    globalClearingCall(Stmts[J], Stored, B.TU)) {
              B.G.Calls[C].ReleasedBy = B.text(By);
              break;
            }
            if (Leaves(J))
              break;
          }
        }
        // The same when the storing function is defined in another unit:
        // paired here with each later call given no address, decided at
        // the link (FunctionGraph::GlobalReleases). A few candidates are
        // enough: the clear follows the use.
        llvm::SmallVector<int, 2> Callers;
        for (const CallExpr *U : Unseen)
          if (int C = Pairable(U); C >= 0)
            Callers.push_back(C);
        unsigned Pairs = 0;
        for (size_t J = I + 1;
             !Callers.empty() && J < Stmts.size() && Pairs < 8; ++J) {
          llvm::SmallVector<const CallExpr *, 2> Clearing;
          addresslessCalls(Stmts[J], B.TU, Clearing);
          for (const CallExpr *By : Clearing)
            if (auto BI = B.CallIndex.find(By);
                BI != B.CallIndex.end() && Pairs++ < 8)
              for (int C : Callers)
                B.G.GlobalReleases.push_back({C, BI->second});
          if (Leaves(J))
            break;
        }
        // The same for a node linked in by direct stores; decided at the
        // link when the callee is defined in another unit.
        if (auto It = B.MemberStoreEdges.find(Stmts[I]);
            It != B.MemberStoreEdges.end())
          if (Unlinker By = unlinkedBy(Stmts, I, UsesIn); By.Call) {
            auto CI = B.CallIndex.find(By.Call);
            int U = -1;
            if (!By.Field.empty() && CI != B.CallIndex.end()) {
              U = static_cast<int>(B.G.Unlinks.size());
              B.G.Unlinks.push_back({CI->second, By.Field});
            }
            for (unsigned E = It->second.first; E < It->second.second; ++E) {
              if (By.Field.empty()) {
                B.G.Edges[E].Maybe = true;
                B.G.Edges[E].Notes.push_back(
                    B.note("may be taken back by", By.Call));
              } else {
                B.G.Edges[E].Unlink = U;
              }
            }
          }
        // A container that gets an element and loses it again before any
        // exit: the element does not outlive the frame through it.
        if (const CXXMemberCallExpr *Push = containerCall(Stmts[I], false)) {
          auto CI = B.CallIndex.find(Push);
          if (CI == B.CallIndex.end())
            continue;
          for (size_t J = I + 1; J < Stmts.size(); ++J) {
            const CXXMemberCallExpr *Pop = containerCall(Stmts[J], true);
            if (Pop && Pop->getImplicitObjectArgument() &&
                Push->getImplicitObjectArgument() &&
                sameLValue(Pop->getImplicitObjectArgument(),
                           Push->getImplicitObjectArgument())) {
              B.G.Calls[CI->second].Undone = true;
              break;
            }
            if (Leaves(J))
              break;
          }
          continue;
        }
        Assignment BO = assignmentSides(Stmts[I]);
        if (!BO)
          continue;
        auto It = B.GlobalStores.find(cast<Expr>(Stmts[I])->IgnoreImplicit());
        if (It == B.GlobalStores.end())
          continue;
        const ValueDecl *GV = It->second.second;
        for (size_t J = I + 1; J < Stmts.size() && !makesShortTemporary(BO.RHS);
             ++J) {
          const Expr *Later = replacedObject(Stmts[J]);
          if (Later && storedGlobal(Later) == GV && sameLValue(Later, BO.LHS)) {
            B.G.Locs[It->second.first].Killed = true;
            break;
          }
          if (Leaves(J))
            break;
        }
      }
      return true;
    }
    /// A call that may unlink a node: Field is empty when the callee's
    /// body in this unit writes the member, else the member's key (the
    /// link decides, FunctionGraph::Unlinks).
    struct Unlinker {
      const Expr *Call = nullptr;
      std::string Field;
    };
    /// A store of a variable or its address into a member, linking it into
    /// an object (`q->tail->next = &n; q->tail = &n;`), and a later call of
    /// the block, before any exit, given that object (or one the store went
    /// through), writing the member stored into (or defined in another
    /// unit) and given nothing it could link in instead (`q->pop()`): the
    /// call that may unlink it; else none.
    Unlinker
    unlinkedBy(const std::vector<const Stmt *> &Stmts, size_t I,
               llvm::function_ref<llvm::ArrayRef<ObjectUse>(size_t)> UsesIn) {
      const BinaryOperator *BO = asAssignment(Stmts[I]);
      const auto *ME =
          BO ? dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts())
             : nullptr;
      const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
      const Expr *V = BO ? BO->getRHS()->IgnoreParenImpCasts() : nullptr;
      if (const auto *UO = dyn_cast_or_null<UnaryOperator>(V);
          UO && UO->getOpcode() == UO_AddrOf)
        V = UO->getSubExpr()->IgnoreParenImpCasts();
      if (!F || !F->getType()->isPointerType() ||
          !isa_and_nonnull<DeclRefExpr>(V))
        return {};
      llvm::SmallVector<const Expr *, 4> Through;
      for (const Expr *Base = ME->getBase()->IgnoreParenImpCasts(); Base;) {
        Through.push_back(Base);
        const auto *BME = dyn_cast<MemberExpr>(Base);
        Base = BME ? BME->getBase()->IgnoreParenImpCasts() : nullptr;
      }
      for (size_t J = I + 1; J < Stmts.size(); ++J) {
        for (const ObjectUse &L : UsesIn(J)) {
          bool Given = llvm::any_of(L.Objects, [&](const Expr *O) {
            return llvm::any_of(
                Through, [&](const Expr *T) { return sameLValue(O, T); });
          });
          if (!Given || !takesNoAddress(L.Callee))
            continue;
          if (!L.Callee->isDefined())
            return {L.Call, fieldKey(F)};
          if (llvm::is_contained(fieldsWritten(L.Callee, B.TU),
                                 F->getCanonicalDecl()))
            return {L.Call, ""};
        }
        if (leavesFrame(Stmts[J]))
          break;
      }
      return {};
    }
    /// Marks the calls making the handle statement \p I of block \p CS
    /// stores (`sut = async(f) | g;`, `auto h = spawn(f);`) HandleWaited
    /// when a later call of the block, before any exit or another store
    /// there, waits on it (`h.get()`, `await(std::move(sut))`); else lists
    /// the later calls given it (CallSite::HandleWaitedBy). A member or an
    /// outer local stored in a nested block is followed into the block
    /// around it, when the work names no local of the nested one.
    void handleWaited(
        const CompoundStmt *CS, const std::vector<const Stmt *> &Stmts,
        size_t I,
        llvm::function_ref<llvm::ArrayRef<const Expr *>(size_t)> WaitsIn,
        llvm::function_ref<bool(size_t)> Leaves) {
      auto [Var, LV, RHS] = storedHandle(Stmts[I]);
      if (!RHS)
        return elementsWaited(Stmts, I, WaitsIn, Leaves);
      if (!handleType(Var ? Var->getType() : LV->getType()))
        return;
      llvm::SmallVector<int, 4> Makers;
      handleMakers(RHS, Makers);
      if (Makers.empty())
        return;
      llvm::SmallVector<std::pair<const CallExpr *, int>, 4> Takers;
      // The handle, and those later statements make from it (`auto f1 =
      // sut.then(g);`): a wait on one of them waits on the work too.
      llvm::SmallVector<std::pair<const VarDecl *, const Expr *>, 4> Handles{
          {Var, LV}};
      auto IsHandle = [&](const Expr *E) {
        return llvm::any_of(Handles, [&](const auto &H) {
          return isHandle(E, H.first, H.second);
        });
      };
      auto Scan =
          [&](llvm::ArrayRef<const Stmt *> Later,
              llvm::function_ref<llvm::ArrayRef<const Expr *>(size_t)> Waits,
              llvm::function_ref<bool(size_t)> Exits, size_t From) {
            for (size_t J = From; J < Later.size(); ++J) {
              // Most statements do not name the handle: only whether they
              // leave matters.
              if (llvm::none_of(Handles, [&](const auto &H) {
                    return mentioned(Later[J]).contains(
                        H.first ? H.first : namedDecl(H.second));
                  })) {
                if (Exits(J))
                  return -1;
                continue;
              }
              if (llvm::any_of(Waits(J), IsHandle))
                return 1; // waited on
              for (const auto &H : Handles)
                handleTakers(Later[J], H.first, H.second, Takers);
              StoredHandle Next = storedHandle(Later[J]);
              if (Next.Value && madeFrom(Next.Value, IsHandle))
                Handles.push_back({Next.Var, Next.LV});
              else if (assignsTo(Later[J], Var, LV))
                return -1; // another value stored there
              if (Exits(J))
                return -1;
            }
            return 0; // the block ends
          };
      int Found = Scan(Stmts, WaitsIn, Leaves, I + 1);
      const Stmt *Inner = CS;
      const SourceManager &SM = B.Ctx.getSourceManager();
      for (unsigned Depth = 0; Found == 0 && Depth < 4; ++Depth) {
        if (!B.BodyParents)
          B.BodyParents =
              std::make_unique<ParentMap>(const_cast<Stmt *>(FnBody));
        const auto *Outer =
            dyn_cast_or_null<CompoundStmt>(B.BodyParents->getParent(Inner));
        if (!Outer || namesLocalWithin(RHS, Inner, SM))
          break;
        // The handles that outlive the nested block.
        llvm::erase_if(Handles, [&](const auto &H) {
          return H.first && Inner->getSourceRange().fullyContains(
                                H.first->getSourceRange());
        });
        if (Handles.empty())
          break;
        std::vector<const Stmt *> Up(Outer->body_begin(), Outer->body_end());
        size_t At = llvm::find(Up, Inner) - Up.begin();
        std::vector<llvm::SmallVector<const Expr *, 2>> UpWaits(Up.size());
        for (size_t K = At + 1; K < Up.size(); ++K)
          waitedObjects(Up[K], B.TU.Opts.Models, UpWaits[K]);
        Found = Scan(
            Up,
            [&](size_t K) { return llvm::ArrayRef<const Expr *>(UpWaits[K]); },
            [&](size_t K) { return leavesFrame(Up[K]); }, At + 1);
        Inner = Outer;
      }
      for (int M : Makers) {
        CallSite &C = B.G.Calls[M];
        if (Found == 1) {
          C.HandleWaited = C.WaitedFor = C.Undone = true;
          continue;
        }
        for (auto [Taker, Slot] : Takers)
          if (auto TI = B.CallIndex.find(Taker); TI != B.CallIndex.end()) {
            C.HandleWaitedBy.push_back(static_cast<int>(TI->second));
            C.HandleWaitedSlot.push_back(Slot);
          }
      }
    }
    /// True if an object of type \p T may be a handle on work (a future),
    /// or a container of them: a class of the program's or a library's own
    /// kind, not a smart pointer, view or type-erased callable of the
    /// standard library, and none that acts as a pointer (`operator->`),
    /// whose `get()` reads it rather than waits.
    bool handleType(QualType T, unsigned Depth = 0) {
      const CXXRecordDecl *RD =
          T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
      if (!RD || !RD->hasDefinition() || Depth > 2)
        return false;
      // A container of handles (`std::vector<future<void>> fs{...}`).
      RecordClass RC = B.TU.Types.classify(RD);
      if (RC == RecordClass::Owner)
        return handleType(firstTypeArg(RD), Depth + 1);
      return RC == RecordClass::Plain && !actsAsPointer(RD);
    }
    /// The variables and members statement \p S names, found once.
    llvm::DenseMap<const Stmt *, llvm::SmallPtrSet<const Decl *, 8>> Named;
    const llvm::SmallPtrSet<const Decl *, 8> &mentioned(const Stmt *S) {
      auto [It, New] = Named.try_emplace(S);
      if (New) {
        struct Finder : RecursiveASTVisitor<Finder> {
          llvm::SmallPtrSet<const Decl *, 8> &Out;
          explicit Finder(llvm::SmallPtrSet<const Decl *, 8> &Out) : Out(Out) {}
          bool VisitDeclRefExpr(DeclRefExpr *E) {
            Out.insert(E->getDecl());
            return true;
          }
          bool VisitMemberExpr(MemberExpr *E) {
            Out.insert(E->getMemberDecl());
            return true;
          }
        } F(It->second);
        F.TraverseStmt(const_cast<Stmt *>(S));
      }
      return It->second;
    }
    /// Marks the calls making the handles statement \p I adds to a local
    /// container (`futs.push_back(pool.submit(f))`, in a loop too)
    /// HandleWaited when a later statement of the block, before any exit,
    /// waits on each element (`for (auto &f : futs) f.get();`) or on the
    /// container (`wait_all(futs)`).
    void elementsWaited(
        const std::vector<const Stmt *> &Stmts, size_t I,
        llvm::function_ref<llvm::ArrayRef<const Expr *>(size_t)> WaitsIn,
        llvm::function_ref<bool(size_t)> Leaves) {
      llvm::SmallVector<std::pair<const VarDecl *, const Expr *>, 2> Added;
      addedElements(Stmts[I], Added);
      for (auto [V, E] : Added) {
        if (!handleType(E->getType()))
          continue;
        llvm::SmallVector<int, 4> Makers;
        handleMakers(E, Makers);
        bool Waited = false;
        for (size_t J = I + 1; J < Stmts.size() && !Makers.empty(); ++J) {
          Waited = llvm::any_of(WaitsIn(J),
                                [&](const Expr *W) {
                                  return isHandle(W, V, nullptr);
                                }) ||
                   waitsOnElements(Stmts[J], V, B.TU.Opts.Models);
          if (Waited || Leaves(J))
            break;
        }
        for (int M : Makers)
          if (Waited)
            B.G.Calls[M].HandleWaited = B.G.Calls[M].WaitedFor =
                B.G.Calls[M].Undone = true;
      }
    }
    /// The call sites of the calls making value \p E that return an object
    /// (a handle), not counting calls inside lambdas.
    void handleMakers(const Expr *E, llvm::SmallVectorImpl<int> &Out) {
      struct Finder : RecursiveASTVisitor<Finder> {
        Walker &W;
        llvm::SmallVectorImpl<int> &Out;
        Finder(Walker &W, llvm::SmallVectorImpl<int> &Out) : W(W), Out(Out) {}
        bool shouldVisitLambdaExpressions() const { return false; }
        bool VisitCallExpr(CallExpr *E) {
          if (!E->getType()->isRecordType())
            return true;
          if (auto CI = W.B.CallIndex.find(E); CI != W.B.CallIndex.end())
            Out.push_back(static_cast<int>(CI->second));
          return true;
        }
      } F(*this, Out);
      F.TraverseStmt(const_cast<Expr *>(E));
    }
    /// The call site of \p L when it is a call of another function than
    /// \p Give on an object that the uses \p Given of Give's statement work
    /// on, or that one of them was made from; else -1. A member call runs on
    /// its object; a free function given the object by reference (`Join(tp)`)
    /// is recorded as waiting on that slot (CallSite::WaitsOnArgs), which its
    /// summary decides.
    int laterRun(const ObjectUse &L, llvm::ArrayRef<ObjectUse> Given,
                 const CallExpr *Give) {
      auto CI = B.CallIndex.find(L.Call);
      const FunctionDecl *GiveFD = Give->getDirectCallee();
      if (CI == B.CallIndex.end() || !B.CallIndex.count(Give) ||
          (GiveFD && L.Callee == GiveFD->getCanonicalDecl()))
        return -1;
      auto Works = [&](const Expr *Obj) {
        const VarDecl *V = objectVariable(Obj);
        return llvm::any_of(Given, [&](const ObjectUse &U) {
          return !U.NamesInner && llvm::any_of(U.Objects, [&](const Expr *O) {
            return sameLValue(O, Obj) ||
                   (V &&
                    (objectVariable(O) == V || madeFrom(objectVariable(O), V)));
          });
        });
      };
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(L.Call)) {
        const Expr *Obj = MC->getImplicitObjectArgument();
        return Obj && Works(Obj) ? CI->second : -1;
      }
      const auto *CE = dyn_cast<CallExpr>(L.Call);
      if (!CE || isa<CXXOperatorCallExpr>(CE) || !CE->getDirectCallee())
        return -1;
      int Found = -1;
      for (const Expr *Obj : L.Objects)
        for (unsigned A = 0; A < CE->getNumArgs(); ++A)
          if (CE->getArg(A)->getSourceRange().fullyContains(
                  Obj->getSourceRange()) &&
              Works(Obj)) {
            std::vector<int> &W = B.G.Calls[CI->second].WaitsOnArgs;
            if (!llvm::is_contained(W, static_cast<int>(A)))
              W.push_back(static_cast<int>(A));
            Found = CI->second;
          }
      return Found;
    }
    /// The destructor run on the object work was handed to before the
    /// locals the work names die, as a call site whose callee's summary
    /// decides (CallSite::DrainedBy): `delete` of the object, or of the
    /// executor a free function finds itself (read from the same global or
    /// getter), in the same block before any exit; or the end of a local
    /// object (or of a local unique_ptr owning it) declared after those
    /// locals. -1: none.
    int destroyedAfter(const CallExpr *Give, const VarDecl *Object,
                       const std::vector<const Stmt *> &Stmts, size_t I) {
      const auto *Member = dyn_cast<CXXMemberCallExpr>(Give);
      const Expr *ObjectArg =
          Member ? Member->getImplicitObjectArgument() : nullptr;
      llvm::SmallVector<const Decl *, 2> Sources;
      if (!Member)
        executorSources(Give->getDirectCallee(), Sources);
      // A local the work names that dies with the statement holding the
      // hand-off (its block) is dead before a later `delete`.
      bool Nested = Stmts[I] != Give &&
                    namesLocalWithin(Give, Stmts[I], B.Ctx.getSourceManager());
      for (size_t J = I + 1; J < Stmts.size() && !Nested; ++J) {
        const auto *E = dyn_cast<Expr>(Stmts[J]);
        const auto *Del =
            E ? dyn_cast<CXXDeleteExpr>(E->IgnoreImplicit()) : nullptr;
        if (Del && !Del->isArrayForm()) {
          const Expr *Arg = Del->getArgument();
          const Decl *Source = Member ? nullptr : pointerSource(Arg);
          bool Same = Member ? (ObjectArg && sameLValue(Arg, ObjectArg)) ||
                                   (Object && objectVariable(Arg) == Object)
                             : Source && llvm::is_contained(Sources, Source);
          QualType DT = Del->getDestroyedType();
          if (Same && !DT.isNull())
            return B.destructorCall(DT->getAsCXXRecordDecl(),
                                    Del->getBeginLoc(), B.text(Del));
        }
        if (leavesFrame(Stmts[J]))
          break;
      }
      if (!Member || !Object || !Object->hasLocalStorage() ||
          isa<ParmVarDecl>(Object) ||
          !namedLocalsOutlive(Stmts[I], Object, B.Ctx.getSourceManager(),
                              /*LastNamed=*/true))
        return -1;
      QualType T = Object->getType();
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      if (RD && B.TU.Types.classify(T) == RecordClass::SmartPtr) {
        // What a local unique_ptr owns dies with it; a shared_ptr may
        // have other owners.
        const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD);
        RD =
            TS && RD->getName() == "unique_ptr" &&
                    TS->getTemplateArgs().size() > 0 &&
                    TS->getTemplateArgs()[0].getKind() == TemplateArgument::Type
                ? TS->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl()
                : nullptr;
      }
      return RD ? B.destructorCall(RD, Object->getLocation(),
                                   "end of '" + Object->getNameAsString() + "'")
                : -1;
    }
    // `executor.run(flow).wait()`, `async_write(fd, &buf).get()`: waited
    // for in the same expression, by a method or a free function.
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      if (!isWaitCall(E, B.TU.Opts.Models) || !E->getImplicitObjectArgument())
        return true;
      const auto *Inner =
          dyn_cast<CallExpr>(E->getImplicitObjectArgument()->IgnoreImplicit());
      if (auto CI = B.CallIndex.find(Inner); Inner && CI != B.CallIndex.end())
        B.G.Calls[CI->second].Undone = B.G.Calls[CI->second].WaitedFor = true;
      return true;
    }
  } W(*this, Body);
  W.TraverseStmt(const_cast<Stmt *>(Body));

  // The same for a store in a nested block cleared after it, in the block
  // or an enclosing one.
  if (!GlobalStores.empty() && Body) {
    ParentMap PM(const_cast<Stmt *>(Body));
    for (auto &[E, Store] : GlobalStores) {
      if (G.Locs[Store.first].Killed || makesShortTemporary(E))
        continue;
      Clear C = clearedLater(Ctx, PM, Body, E);
      if (C == Clear::Yes)
        G.Locs[Store.first].Killed = true;
      else if (C == Clear::Maybe)
        MaybeCleared.insert(Store.first);
    }
  }

  // A push whose container is popped somewhere later in the function (a
  // queue drained in a loop, a pop on another path): a maybe.
  struct Pops : RecursiveASTVisitor<Pops> {
    llvm::SmallVector<const CXXMemberCallExpr *, 4> Found;
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      if (containerCall(E, true) && E->getImplicitObjectArgument())
        Found.push_back(E);
      return true;
    }
  } P;
  P.TraverseStmt(const_cast<Stmt *>(Body));
  if (P.Found.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (auto &[E, Index] : CallIndex) {
    const CXXMemberCallExpr *Push = containerCall(E, false);
    CallSite &CS = G.Calls[Index];
    if (!Push || CS.Undone || !Push->getImplicitObjectArgument())
      continue;
    for (const CXXMemberCallExpr *Pop : P.Found)
      if (SM.isBeforeInTranslationUnit(Push->getBeginLoc(),
                                       Pop->getBeginLoc()) &&
          sameLValue(Pop->getImplicitObjectArgument(),
                     Push->getImplicitObjectArgument())) {
        CS.PoppedLater = true;
        break;
      }
  }
}

namespace {
/// How statement or expression S refers to the local pointer V and to the
/// field F: every reference to V, the ones that read another field
/// through it (`V->g`), and every use of F.
struct FieldUses : RecursiveASTVisitor<FieldUses> {
  const VarDecl *V;
  const FieldDecl *F;
  unsigned Refs = 0, OtherFields = 0, FieldRefs = 0;
  FieldUses(const Stmt *S, const VarDecl *V, const FieldDecl *F) : V(V), F(F) {
    TraverseStmt(const_cast<Stmt *>(S));
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Refs += E->getDecl() == V;
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl() == F)
      ++FieldRefs;
    else if (const auto *D =
                 dyn_cast<DeclRefExpr>(E->getBase()->IgnoreParenImpCasts());
             E->isArrow() && D && D->getDecl() == V)
      ++OtherFields;
    return true;
  }
  /// Nothing of the object escapes through V, and F is not read.
  bool onlyOtherFields() const { return Refs == OtherFields && !FieldRefs; }
};
} // namespace

/// `V->F = ...`, the assignment S is; null for anything else.
static const BinaryOperator *storeThrough(const Stmt *S, const VarDecl *V,
                                          const FieldDecl *F) {
  const BinaryOperator *BO = asAssignment(S);
  const auto *ME =
      BO ? dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()) : nullptr;
  const auto *D =
      ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
         : nullptr;
  if (!D || !ME->isArrow() || D->getDecl() != V ||
      (F && ME->getMemberDecl() != F))
    return nullptr;
  return BO;
}

/// True if a default member initializer in Init uses `this`: the new
/// object's address may then be kept where the analysis cannot see it.
static bool defaultInitUsesThis(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CXXThisExpr>(S))
    return true;
  if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
    return defaultInitUsesThis(DI->getExpr());
  for (const Stmt *C : S->children())
    if (defaultInitUsesThis(C))
      return true;
  return false;
}

void FunctionBuilder::killReplacedFieldStores(const Stmt *Body) {
  // A strong update: a store into field F of a fresh heap object, reached
  // through a local pointer initialized with the new-expression and never
  // re-pointed, replaces the earlier stores into F made in the same block,
  // when nothing in between can read F (nothing names the pointer but
  // stores into its other fields) or jump past the later store. The object
  // is reachable only through that pointer, so the earlier value is never
  // seen (abseil's CordRepFromString re-points a view of the source at the
  // object's own copy).
  if (FieldStages.empty() || !Body)
    return;
  struct Walker : RecursiveASTVisitor<Walker> {
    FunctionBuilder &B;
    explicit Walker(FunctionBuilder &B) : B(B) {}
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitCompoundStmt(CompoundStmt *CS) {
      std::vector<const Stmt *> Stmts(CS->body_begin(), CS->body_end());
      for (size_t J = 1; J < Stmts.size(); ++J)
        if (const BinaryOperator *Later = asAssignment(Stmts[J]))
          replace(Stmts, J, Later);
      return true;
    }
    void replace(llvm::ArrayRef<const Stmt *> Stmts, size_t J,
                 const BinaryOperator *Later) {
      const auto *ME = dyn_cast<MemberExpr>(Later->getLHS()->IgnoreParens());
      const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
      const auto *D =
          ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
             : nullptr;
      const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
      if (!F || !V || !storeThrough(Later, V, F))
        return;
      auto It = B.StableInit.find(V);
      const auto *NE =
          It == B.StableInit.end()
              ? nullptr
              : dyn_cast<CXXNewExpr>(It->second->IgnoreParenImpCasts());
      auto A = NE ? B.AllocOfNew.find(NE) : B.AllocOfNew.end();
      if (A == B.AllocOfNew.end() ||
          !FieldUses(Later->getRHS(), V, F).onlyOtherFields() ||
          !llvm::any_of(B.FieldStages, [&](const FieldStage &S) {
            return S.Alloc == A->second && S.Field == F && S.At == Later;
          }))
        return;
      // A constructor may keep `this` where the analysis cannot see it.
      const Expr *Init = NE->getInitializer();
      if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
          (CE && !CE->getConstructor()->isTrivial()) ||
          defaultInitUsesThis(Init))
        return;
      llvm::SmallVector<const Stmt *, 4> Replaced;
      for (size_t I = J;; --I) {
        if (I == 0)
          return; // not declared in this block: it may have aliases
        const Stmt *S = Stmts[I - 1];
        if (const auto *DS = dyn_cast<DeclStmt>(S);
            DS && DS->isSingleDecl() && DS->getSingleDecl() == V) {
          Replaced.push_back(NE);
          break;
        }
        if (leavesFrame(S))
          return;
        const BinaryOperator *Other = storeThrough(S, V, nullptr);
        FieldUses U(Other ? Other->getRHS() : S, V, F);
        if (!Other ? U.Refs != 0 : !U.onlyOtherFields())
          return;
        if (Other && storeThrough(S, V, F))
          Replaced.push_back(Other);
      }
      for (const FieldStage &S : B.FieldStages)
        if (S.Alloc == A->second && S.Field == F &&
            llvm::is_contained(Replaced, S.At))
          B.ReplacedStages.insert(S.Node);
    }
  } W(*this);
  W.TraverseStmt(const_cast<Stmt *>(Body));
}

void FunctionBuilder::frames() {
  // The frame estimate: the largest sum of local sizes along a path of the
  // scope tree (sibling blocks can share storage).
  std::vector<uint64_t> Own(G.Scopes.size(), 0);
  bool Variable = false;
  for (const Location &L : G.Locs) {
    if ((L.Kind != LocKind::Local && L.Kind != LocKind::Param) || L.Scope < 0)
      continue;
    Own[L.Scope] += L.Size.Bytes;
    Variable |= !L.Size.Constant;
    if (L.Size.Bytes > TU.Opts.MaxLocalBytes) {
      FunctionGraph::LocalFinding LF;
      LF.Check = "escape-oversized-frame";
      LF.Subject = L.Name;
      LF.Message = "'" + L.Name + "' is too large for the stack (" +
                   std::to_string(L.Size.Bytes) + " bytes > " +
                   std::to_string(TU.Opts.MaxLocalBytes) + ")";
      LF.Pos = L.Pos;
      G.Local.push_back(std::move(LF));
    }
  }
  std::vector<uint64_t> Path(G.Scopes.size(), 0);
  uint64_t Max = 0;
  for (size_t S = 0; S < G.Scopes.size(); ++S) {
    int P = G.Scopes[S].Parent;
    Path[S] = Own[S] + (P >= 0 ? Path[P] : 0);
    Max = std::max(Max, Path[S]);
  }
  G.FrameBytes = Max;
  G.VariableFrame = Variable;
  if (Max > TU.Opts.MaxFrameBytes) {
    bool Reported = false;
    for (const auto &LF : G.Local)
      Reported |= LF.Check == "escape-oversized-frame";
    if (!Reported) {
      FunctionGraph::LocalFinding LF;
      LF.Check = "escape-oversized-frame";
      LF.Subject = G.Name;
      LF.Message = "frame of '" + G.Name + "' is about " + std::to_string(Max) +
                   " bytes (threshold " +
                   std::to_string(TU.Opts.MaxFrameBytes) + ")";
      LF.Pos = G.Pos;
      G.Local.push_back(std::move(LF));
    }
  }
}

} // namespace escape
