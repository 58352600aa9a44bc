//===- BuildExpr.cpp - Lowering of expressions ----------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// expr(K, E) sends the value of E into the hole K, Go's escape.expr. An
// lvalue's "value" is the object's contents; `&` shifts the hole by -1, `*`
// by +1. Reading a reference variable is a dereference, so binding a
// reference is an address-of and `&r` nets zero.
//
//===----------------------------------------------------------------------===//
#include "BackPointer.h"
#include "FunctionBuilder.h"
#include "MoveFunction.h"
#include "SoleSharedOwner.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace escape {

void FunctionBuilder::exprChildren(const Stmt *S) {
  if (!S)
    return;
  for (const Stmt *C : S->children()) {
    if (!C)
      continue;
    if (const auto *E = dyn_cast<Expr>(C))
      expr(Hole(), E);
    else
      stmt(C);
  }
}

void FunctionBuilder::expr(const Hole &K, const Expr *E) {
  if (!E || overBudget())
    return;
  // Error recovery left this (a call of an undeclared function, an invalid
  // operand): what its parts carry may go anywhere, as a maybe.
  if (E->containsErrors() || E->getType().isNull()) {
    if (isa<FullExpr, ParenExpr>(E))
      return expr(K, cast<Expr>(*E->child_begin()));
    if (const auto *RE = dyn_cast<RecoveryExpr>(E); RE && refusedBinding(K, RE))
      return;
    Hole H = heapHole().note(note("code that does not compile", E));
    H.Maybe = true;
    for (const Stmt *C : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(C))
        expr(H, CE);
      else
        stmt(C);
    return;
  }
  // Go: a value without pointers goes to the blank hole. Its parts are still
  // lowered for their side effects (calls, assignments, lambdas).
  // A construction keeps its destination: `this` may be registered.
  if (!K.discard() && K.Derefs >= 0 && !E->isTypeDependent() &&
      !TU.Types.mayHoldAddress(E->getType()) &&
      !isa<CXXConstructExpr>(E->IgnoreImplicit())) {
    expr(Hole(), E);
    return;
  }
  switch (E->getStmtClass()) {
  case Stmt::ParenExprClass:
    return expr(K, cast<ParenExpr>(E)->getSubExpr());
  case Stmt::ExprWithCleanupsClass:
  case Stmt::ConstantExprClass:
    return expr(K, cast<FullExpr>(E)->getSubExpr());
  case Stmt::CXXBindTemporaryExprClass:
    return expr(K, cast<CXXBindTemporaryExpr>(E)->getSubExpr());
  case Stmt::CXXDefaultArgExprClass:
    return expr(K, cast<CXXDefaultArgExpr>(E)->getExpr());
  case Stmt::CXXDefaultInitExprClass:
    return expr(K, cast<CXXDefaultInitExpr>(E)->getExpr());
  case Stmt::SubstNonTypeTemplateParmExprClass:
    return expr(K, cast<SubstNonTypeTemplateParmExpr>(E)->getReplacement());
  case Stmt::CXXRewrittenBinaryOperatorClass:
    return expr(K, cast<CXXRewrittenBinaryOperator>(E)->getSemanticForm());
  case Stmt::OpaqueValueExprClass:
    if (const Expr *Src = cast<OpaqueValueExpr>(E)->getSourceExpr())
      return expr(K, Src);
    return;
  case Stmt::CXXStdInitializerListExprClass:
    // An initializer_list points at its backing array.
    return expr(K.shift(-1, note("initializer list", E)),
                cast<CXXStdInitializerListExpr>(E)->getSubExpr());
  case Stmt::ArrayInitLoopExprClass:
    return expr(K, cast<ArrayInitLoopExpr>(E)->getCommonExpr());
  case Stmt::DeclRefExprClass:
    return declRef(K, cast<DeclRefExpr>(E));
  case Stmt::UnaryOperatorClass: {
    const auto *UO = cast<UnaryOperator>(E);
    switch (UO->getOpcode()) {
    case UO_AddrOf:
      return expr(K.shift(-1, note("address-of", E)), UO->getSubExpr());
    case UO_Deref:
      return expr(K.shift(1, note("indirection", E)), UO->getSubExpr());
    case UO_PreInc:
    case UO_PreDec:
    case UO_PostInc:
    case UO_PostDec:
    case UO_Extension:
      return expr(K, UO->getSubExpr());
    case UO_Plus:
      // `+p` on a pointer is p's value.
      if (UO->getType()->isPointerType())
        return expr(K, UO->getSubExpr());
      return exprChildren(E);
    default:
      return exprChildren(E);
    }
  }
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass: {
    const auto *BO = cast<BinaryOperator>(E);
    if (BO->getOpcode() == BO_Assign) {
      assign(BO->getLHS(), BO->getRHS(), BO);
      if (!K.discard())
        expr(K, BO->getLHS());
      return;
    }
    if (BO->getOpcode() == BO_Comma) {
      expr(Hole(), BO->getLHS());
      return expr(K, BO->getRHS());
    }
    if (BO->isAdditiveOp() || BO->isCompoundAssignmentOp()) {
      // Pointer arithmetic keeps the pointee.
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      bool LP = L->getType()->isPointerType() || L->getType()->isArrayType();
      bool RP = R->getType()->isPointerType() || R->getType()->isArrayType();
      if (E->getType()->isPointerType() && (LP || RP)) {
        expr(LP ? K.note(note("pointer arithmetic", E)) : Hole(), L);
        expr(RP ? K.note(note("pointer arithmetic", E)) : Hole(), R);
        return;
      }
    }
    if (BO->getOpcode() == BO_PtrMemD || BO->getOpcode() == BO_PtrMemI) {
      expr(Hole(), BO->getRHS());
      return expr(BO->getOpcode() == BO_PtrMemI ? K.shift(1) : K, BO->getLHS());
    }
    return exprChildren(E);
  }
  case Stmt::ConditionalOperatorClass: {
    const auto *CO = cast<ConditionalOperator>(E);
    expr(Hole(), CO->getCond());
    // A constant condition (`kDebug ? &local : p`) never runs the other
    // arm; an arm that calls a function that never returns gives no value.
    bool Value = false;
    bool Known = !CO->getCond()->isValueDependent() &&
                 !CO->getCond()->isInstantiationDependent() &&
                 CO->getCond()->EvaluateAsBooleanCondition(Value, Ctx);
    for (const Expr *Arm : {CO->getTrueExpr(), CO->getFalseExpr()}) {
      if (Known && Value != (Arm == CO->getTrueExpr()))
        continue;
      const auto *Call = dyn_cast<CallExpr>(Arm->IgnoreParenImpCasts());
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      expr(Callee && Callee->isNoReturn() ? Hole() : K, Arm);
    }
    return;
  }
  case Stmt::BinaryConditionalOperatorClass: {
    const auto *CO = cast<BinaryConditionalOperator>(E);
    expr(K, CO->getCommon());
    return expr(K, CO->getFalseExpr());
  }
  case Stmt::MemberExprClass: {
    const auto *ME = cast<MemberExpr>(E);
    const ValueDecl *M = ME->getMemberDecl();
    if (isa<VarDecl>(M)) { // a static data member is a global
      expr(Hole(), ME->getBase());
      return;
    }
    Hole KM = K;
    if (M->getType()->isReferenceType())
      KM = KM.shift(1, note("reference member", E));
    // A field kept apart: its own node (whose address is a pointer into
    // the object).
    if (const auto *F = dyn_cast<FieldDecl>(M))
      if (int Src = fieldRead(ME, F); Src >= 0)
        return flow(KM, Src);
    if (ME->isArrow())
      return expr(KM.shift(1, note("dot of pointer", E)), ME->getBase());
    return expr(KM, ME->getBase());
  }
  case Stmt::ArraySubscriptExprClass: {
    const auto *AS = cast<ArraySubscriptExpr>(E);
    expr(Hole(), AS->getIdx());
    return expr(K.shift(1, note("index", E)), AS->getBase());
  }
  case Stmt::CallExprClass:
  case Stmt::CXXMemberCallExprClass:
  case Stmt::CXXOperatorCallExprClass:
  case Stmt::UserDefinedLiteralClass:
    return call(K, cast<CallExpr>(E));
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass:
    return construct(K, cast<CXXConstructExpr>(E));
  case Stmt::CXXNewExprClass:
    return newExpr(K, cast<CXXNewExpr>(E));
  case Stmt::CXXDeleteExprClass:
    return deleteExpr(cast<CXXDeleteExpr>(E));
  case Stmt::LambdaExprClass:
    return lambda(K, cast<LambdaExpr>(E));
  case Stmt::MaterializeTemporaryExprClass:
    return materialize(K, cast<MaterializeTemporaryExpr>(E));
  case Stmt::InitListExprClass: {
    // The semantic form carries the implicit conversions (array decay).
    const auto *IL = cast<InitListExpr>(E);
    if (!IL->isSemanticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    // `T &r{x}`, `T v{t}`: braces around the one object meant, not an
    // aggregate made of it.
    if (IL->isTransparent())
      return expr(K, IL->getInit(0));
    if (const Expr *Filler = IL->getArrayFiller())
      expr(K, Filler);
    aggregateInits(K, E->getType(), IL->inits());
    return;
  }
  case Stmt::CXXParenListInitExprClass:
    aggregateInits(K, E->getType(),
                   cast<CXXParenListInitExpr>(E)->getInitExprs());
    return;
  case Stmt::DesignatedInitExprClass:
    return expr(K, cast<DesignatedInitExpr>(E)->getInit());
  case Stmt::CXXThisExprClass: {
    if (DefaultInitObject >= 0)
      return flow(K.shift(-1, note("this", E)), DefaultInitObject);
    if (ThisSlot < 0)
      return;
    // In a lambda body `this` is the enclosing object's, kept in the closure.
    if (IsLambdaBody) {
      const FieldDecl *ThisField = captureField(Closure, nullptr);
      if (ThisField && K.Derefs >= 0)
        if (int N = closureField(ThisField, "this", /*Source=*/true); N >= 0)
          return flow(K.note(note("captured this", E)), N);
      return flow(K.shift(1, note("captured this", E)), G.SlotLocs[0]);
    }
    return flow(K, G.SlotLocs[ThisSlot]);
  }
  case Stmt::CompoundLiteralExprClass: {
    const auto *CL = cast<CompoundLiteralExpr>(E);
    int T = newLoc(LocKind::Temporary, "compound literal", E->getBeginLoc(),
                   CurScope);
    G.Locs[T].TypeName = E->getType().getAsString();
    expr(holeFor(T), CL->getInitializer());
    return flow(K, T);
  }
  case Stmt::CXXThrowExprClass:
    return expr(heapHole().note(note("throw", E)),
                cast<CXXThrowExpr>(E)->getSubExpr());
  case Stmt::StmtExprClass: {
    // `({ int x = 7; &x; })`: the last expression statement is the value,
    // and the block's locals die where it closes.
    const CompoundStmt *CS = cast<StmtExpr>(E)->getSubStmt();
    const auto *Value =
        CS->body_empty() ? nullptr : dyn_cast<Expr>(CS->body_back());
    int Saved = pushScope(false, CS);
    for (const Stmt *C : CS->body()) {
      if (C == Value)
        expr(K, Value);
      else
        stmt(C);
    }
    popScope(Saved);
    return;
  }
  case Stmt::ChooseExprClass:
    return expr(K, cast<ChooseExpr>(E)->getChosenSubExpr());
  case Stmt::CoawaitExprClass:
  case Stmt::CoyieldExprClass:
    return expr(Hole(), cast<CoroutineSuspendExpr>(E)->getOperand());
  case Stmt::StringLiteralClass:
  case Stmt::PredefinedExprClass:
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::CXXTypeidExprClass:
  case Stmt::CXXNoexceptExprClass:
  case Stmt::IntegerLiteralClass:
  case Stmt::FloatingLiteralClass:
  case Stmt::CharacterLiteralClass:
  case Stmt::CXXBoolLiteralExprClass:
  case Stmt::CXXNullPtrLiteralExprClass:
  case Stmt::ImplicitValueInitExprClass:
  case Stmt::CXXScalarValueInitExprClass:
  case Stmt::SizeOfPackExprClass:
  case Stmt::TypeTraitExprClass:
    return;
  default:
    break;
  }
  if (const auto *CE = dyn_cast<CastExpr>(E)) {
    const Expr *Sub = CE->getSubExpr();
    switch (CE->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return expr(K.shift(-1, note("decay", E)), Sub);
    case CK_FunctionToPointerDecay:
    case CK_BuiltinFnToFnPtr:
    case CK_NullToPointer:
    case CK_IntegralToPointer:
    case CK_ToVoid:
    case CK_PointerToBoolean:
    case CK_MemberPointerToBoolean:
      return expr(Hole(), Sub);
    case CK_PointerToIntegral: {
      // The address is hidden in an integer: assume the worst, as a maybe.
      Hole H = heapHole().note(note("converted to integer", E));
      H.Maybe = true;
      return expr(H, Sub);
    }
    default:
      return expr(K, Sub);
    }
  }
  exprChildren(E);
}

/// The object an aggregate initializer initializes through hole K (a split
/// object's whole-store node stands for the object); -1 if K is not one.
int FunctionBuilder::aggregateObject(const Hole &K) const {
  if (K.discard() || K.Derefs != 0)
    return -1;
  const Location &L = G.Locs[K.Dst];
  if (L.Parent >= 0 && L.Field.empty())
    return L.Parent;
  switch (L.Kind) {
  case LocKind::Local:
  case LocKind::Temporary:
  case LocKind::Alloc:
  case LocKind::Result:
  case LocKind::ParamContent:
    return K.Dst;
  default:
    return L.Parent >= 0 ? K.Dst : -1;
  }
}

void FunctionBuilder::aggregateInits(const Hole &K, QualType T,
                                     llvm::ArrayRef<Expr *> Inits) {
  // A reference member binds the address of its initializer. The base
  // subobjects' initializers come first (C++17 aggregates with bases).
  const RecordDecl *RD = T->getAsRecordDecl();
  llvm::SmallVector<const FieldDecl *, 8> Fields;
  size_t Bases = 0;
  if (RD && !T->isUnionType()) {
    if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
      Bases = CRD->getNumBases();
    for (const FieldDecl *F : RD->fields())
      Fields.push_back(F);
    if (Inits.size() > Bases + Fields.size())
      RD = nullptr; // not the shape expected: keep the whole object
  }
  for (size_t I = 0; I < Inits.size(); ++I) {
    const FieldDecl *F = RD && I >= Bases && I - Bases < Fields.size()
                             ? Fields[I - Bases]
                             : nullptr;
    // Into a split object: each initializer into its field's node.
    Hole FK = F ? fieldHole(K, F) : K;
    const Stmt *SavedStage = StageAt;
    StageAt = nullptr; // nested stores are not this initializer's
    if (F && F->getType()->isReferenceType()) {
      expr(FK.shift(-1, note("reference member", Inits[I])), Inits[I]);
      // Stores through the member land where it was bound.
      if (!FK.discard() && FK.Dst != K.Dst && Inits[I]->isGLValue())
        if (Hole T = probeLvalue(Inits[I]); !T.discard() && T.Derefs == 0)
          RefTargets.try_emplace(FK.Dst, T.Dst);
    } else {
      // A default member initializer's `this` is the aggregate's.
      int SavedObject = DefaultInitObject;
      if (isa<CXXDefaultInitExpr>(Inits[I]))
        DefaultInitObject = aggregateObject(K);
      expr(FK, Inits[I]);
      DefaultInitObject = SavedObject;
    }
    StageAt = SavedStage;
  }
}

void FunctionBuilder::declRef(const Hole &K, const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  if (const auto *BD = dyn_cast<BindingDecl>(D)) {
    if (const VarDecl *HV = BD->getHoldingVar()) {
      D = HV;
    } else if (const auto *DD =
                   dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl())) {
      D = DD;
    } else {
      return;
    }
  }
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD)
    return;
  if (IsLambdaBody && Closure && DRE->refersToEnclosingVariableOrCapture()) {
    // A capture is a field of the closure, which `this` points to.
    const FieldDecl *CF = captureField(Closure, VD);
    if (!CF)
      return; // not captured (a constant, or a global)
    int By = CF->getType()->isReferenceType() ? 2 : 1;
    if (VD->getType()->isReferenceType())
      By += 1;
    // By reference: the capture holds the variable's address, which the
    // function that made the lambda knows.
    if (CF->getType()->isReferenceType())
      return flow(K.shift(By - 1, note("captured variable", DRE)),
                  captureSource(Closure, CF->getFieldIndex(), VD->getName()));
    // By value, its value: that capture's field alone, not every capture.
    if (By == 1 && K.Derefs >= 0)
      if (int N = closureField(CF, VD->getName(), /*Source=*/true); N >= 0)
        return flow(K.note(note("captured variable", DRE)), N);
    return flow(K.shift(By, note("captured variable", DRE)), G.SlotLocs[0]);
  }
  // Go's PEXTERN: a global's value carries nothing known. It comes from a
  // node nothing flows into, so that a store through it is known to land
  // somewhere unknown (the heap, see resolveDerefs).
  if (VD->hasGlobalStorage() || VD->isStaticLocal()) {
    if (!K.discard()) {
      if (GlobalValue < 0)
        GlobalValue = newLoc(LocKind::Flow, "{global value}", SourceLocation());
      flow(K, GlobalValue);
    }
    return;
  }
  auto Own = RefLocs.find(DRE);
  int L = Own != RefLocs.end() ? Own->second : varLoc(VD);
  unsigned Off = Ctx.getSourceManager().getFileOffset(
      Ctx.getSourceManager().getExpansionLoc(DRE->getBeginLoc()));
  noteUse(L, Off);
  if (VD->getType()->isReferenceType())
    return flow(K.shift(1, note("reference read", DRE)), L);
  flow(K, L);
}

Hole FunctionBuilder::unknownPointee(const Expr *P, int Value) {
  // What a unique owner points to dies with it: a store through it is a
  // store into the owner. So does what a shared_ptr of a method of its sole
  // owner points to (SoleSharedOwner.h).
  // (No function: a global's initializer.)
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (P->isGLValue() &&
      TU.Types.classify(P->getType()) == RecordClass::SmartPtr &&
      (TU.Types.ownsHeap(P->getType()) ||
       (MD && holdsSharedPtr(P->getType()) &&
        TU.Types.soleSharedOwner(MD->getParent())))) {
    Hole H = lvalueHole(P);
    if (!H.discard() && H.Dst != FunctionGraph::HeapLoc)
      return H;
  }
  if (Probing)
    return heapHole();
  if (Value < 0) {
    Value = newLoc(LocKind::Flow, "{temp}", P->getExprLoc());
    expr(holeFor(Value), P);
  }
  return derefOf(Value, P);
}

Hole FunctionBuilder::derefOf(int Value, const Expr *E) {
  return holeFor(derefNode(Value, "*" + text(E), E->getExprLoc()));
}

int FunctionBuilder::derefNode(int Value, std::string Name, SourceLocation L) {
  int D = newLoc(LocKind::Deref, std::move(Name), L);
  if (L.isInvalid())
    G.Locs[D].Pos = G.Locs[Value].Pos;
  G.Locs[D].Pointer = Value;
  return D;
}

Hole FunctionBuilder::pointeeHole(const Expr *P, int Value) {
  if (overBudget())
    return heapHole();
  P = P->IgnoreParens();
  if (const auto *CE = dyn_cast<CastExpr>(P)) {
    switch (CE->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return lvalueHole(CE->getSubExpr());
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_BitCast:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
    case CK_ConstructorConversion: // std::unique_ptr<T>(new T)
      return pointeeHole(CE->getSubExpr(), Value);
    default:
      return heapHole();
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    if (UO->getOpcode() == UO_AddrOf)
      return lvalueHole(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    if (BO->isAdditiveOp())
      return pointeeHole(BO->getLHS()->getType()->isPointerType()
                             ? BO->getLHS()
                             : BO->getRHS(),
                         Value);
  if (isa<CXXThisExpr>(P)) {
    if (DefaultInitObject >= 0)
      return holeFor(DefaultInitObject);
    if (ThisSlot < 0)
      return heapHole();
    // In a lambda body, the object the captured `this` points to: the
    // function that made the lambda maps it to its own (`[this] { run(); }`
    // storing `this` into the object is the object holding its own
    // address, not the heap).
    if (IsLambdaBody) {
      int Sink = capturedThisSink();
      return Sink >= 0 ? holeFor(Sink) : heapHole();
    }
    return holeFor(G.SlotContents[ThisSlot]);
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(P)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || VD->hasGlobalStorage() ||
        (IsLambdaBody && DRE->refersToEnclosingVariableOrCapture()))
      return heapHole();
    if (Reassigned.count(VD))
      return unknownPointee(P, Value);
    if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
      auto It = SlotOfParam.find(PVD);
      if (It != SlotOfParam.end() && G.SlotContents[It->second] >= 0)
        return holeFor(G.SlotContents[It->second]);
      return heapHole();
    }
    auto It = StableInit.find(VD);
    // Not through its own initializer again (`int *p = p + 1;`).
    if (It != StableInit.end() && !VD->getType()->isReferenceType() &&
        Following.insert(VD).second) {
      // The initializer was lowered with the declaration: only look.
      bool Saved = Probing;
      Probing = true;
      Hole H = pointeeHole(It->second);
      Probing = Saved;
      Following.erase(VD);
      if (H.Dst != FunctionGraph::HeapLoc)
        return H;
    }
    return unknownPointee(P, Value);
  }
  // A pointer member its class owns (deleted by its destructor, a
  // unique_ptr): what it points to is part of the object.
  if (const auto *ME = dyn_cast<MemberExpr>(P))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
        F && TU.Types.ownsField(F))
      return lvalueHole(ME);
  if (const auto *NE = dyn_cast<CXXNewExpr>(P)) {
    auto It = AllocOfNew.find(NE);
    if (It != AllocOfNew.end())
      return holeFor(It->second);
  }
  // Smart pointers: what `p->` and `*p` reach is the object p owns.
  if (const auto *CE = dyn_cast<CallExpr>(P)) {
    auto It = AllocOfCall.find(CE);
    if (It != AllocOfCall.end())
      return holeFor(It->second);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && OC->getNumArgs() == 1 &&
        (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
        TU.Types.classify(OC->getArg(0)->getType()) == RecordClass::SmartPtr)
      return pointeeHole(OC->getArg(0));
  }
  if (const auto *CC = dyn_cast<CXXConstructExpr>(P))
    if (CC->getNumArgs() >= 1 &&
        TU.Types.classify(CC->getType()) == RecordClass::SmartPtr &&
        CC->getArg(0)->getType()->isPointerType())
      return pointeeHole(CC->getArg(0));
  if (const auto *FE = dyn_cast<ExprWithCleanups>(P))
    return pointeeHole(FE->getSubExpr(), Value);
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(P))
    return pointeeHole(BT->getSubExpr(), Value);
  return unknownPointee(P, Value);
}

const VarDecl *FunctionBuilder::stablePointer(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || !VD->getType()->isPointerType() ||
      Reassigned.count(VD) ||
      (IsLambdaBody && DRE->refersToEnclosingVariableOrCapture()))
    return nullptr;
  return VD;
}

/// The `this` at the root of \p E, a member (not a reference) of a member
/// of *this reached by `.` (`this->st_`, `this->a.b`), with the members
/// from the outermost in \p Chain; null for anything else.
static const CXXThisExpr *
thisMemberChain(const Expr *E,
                llvm::SmallVectorImpl<const FieldDecl *> &Chain) {
  for (;;) {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F || F->getType()->isReferenceType() || Chain.size() > 3)
      return nullptr;
    Chain.push_back(F);
    if (ME->isArrow())
      return dyn_cast<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
    E = ME->getBase();
  }
}

Hole FunctionBuilder::lvalueHole(const Expr *LV) {
  if (overBudget())
    return heapHole();
  LV = LV->IgnoreParens();
  // `auto &&r = make();` binds r through the full-expression's cleanups.
  if (const auto *FE = dyn_cast<FullExpr>(LV))
    return lvalueHole(FE->getSubExpr());
  if (const auto *CE = dyn_cast<CastExpr>(LV)) {
    switch (CE->getCastKind()) {
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
    case CK_LValueBitCast:
      return lvalueHole(CE->getSubExpr());
    default:
      return heapHole();
    }
  }
  // `std::move(x)`, `std::forward<T>(x)` name x: a callee's stores into
  // the object, and its reads of the object's fields, are x's.
  if (const auto *Call = dyn_cast<CallExpr>(LV))
    if (const Expr *A = movedArgument(Call))
      return lvalueHole(A);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LV)) {
    const ValueDecl *D = DRE->getDecl();
    if (const auto *BD = dyn_cast<BindingDecl>(D))
      D = BD->getDecomposedDecl();
    const auto *VD = dyn_cast_or_null<VarDecl>(D);
    if (!VD)
      return heapHole();
    if (VD->hasGlobalStorage() || VD->isStaticLocal()) {
      int S = newLoc(LocKind::GlobalStore, VD->getNameAsString(),
                     DRE->getBeginLoc());
      // How the sink is named: a function-local static and a thread_local
      // are not globals to the reader.
      G.Locs[S].TypeName = VD->getTLSKind() != VarDecl::TLS_None
                               ? "thread_local"
                           : VD->isStaticLocal() ? "static"
                                                 : "global";
      Hole H = heapHole();
      flow(H.note(note("store to global", DRE)), S);
      LastGlobalStore = S;
      LastGlobalDecl = VD;
      return holeFor(S);
    }
    if (IsLambdaBody && DRE->refersToEnclosingVariableOrCapture()) {
      const FieldDecl *CF = captureField(Closure, VD);
      if (CF && !CF->getType()->isReferenceType()) {
        int N = closureField(CF, VD->getName(), /*Source=*/false);
        return holeFor(N >= 0 ? N : G.SlotContents[0]);
      }
      // Through a reference capture: into the captured variable, which the
      // function that made the lambda knows.
      if (CF)
        return holeFor(
            captureSink(Closure, CF->getFieldIndex(), VD->getName()));
      return heapHole();
    }
    if (VD->getType()->isReferenceType()) {
      if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
        auto It = SlotOfParam.find(PVD);
        if (It != SlotOfParam.end() && G.SlotContents[It->second] >= 0)
          return holeFor(G.SlotContents[It->second]);
        return heapHole();
      }
      auto It = StableInit.find(VD);
      // `int *&r = r;` binds r to itself: nothing is known.
      if (It == StableInit.end() || !Following.insert(VD).second)
        return heapHole();
      Hole H = lvalueHole(It->second);
      Following.erase(VD);
      return H;
    }
    return holeFor(wholeOf(varLoc(VD)));
  }
  if (const auto *ME = dyn_cast<MemberExpr>(LV)) {
    const ValueDecl *M = ME->getMemberDecl();
    if (const auto *SVD = dyn_cast<VarDecl>(M)) {
      int S = newLoc(LocKind::GlobalStore, SVD->getNameAsString(),
                     ME->getMemberLoc());
      G.Locs[S].TypeName = "static member";
      flow(heapHole().note(note("store to static member", ME)), S);
      LastGlobalStore = S;
      LastGlobalDecl = SVD;
      return holeFor(S);
    }
    if (M->getType()->isReferenceType())
      return throughReference(ME, cast<FieldDecl>(M));
    // A member of a member of *this (`st_.child_args`): the inner members'
    // own nodes, so that a store into one member of `st_` is not one into
    // all of them; the store is staged once, at the outer member.
    llvm::SmallVector<const FieldDecl *, 4> Inner;
    const CXXThisExpr *ThisBase =
        ME->isArrow() ? nullptr : thisMemberChain(ME->getBase(), Inner);
    Hole H;
    if (ThisBase) {
      H = pointeeHole(ThisBase);
      for (const FieldDecl *F : llvm::reverse(Inner))
        H = fieldHole(H, F);
    } else {
      H = ME->isArrow() ? pointeeHole(ME->getBase())
                        : lvalueHole(ME->getBase());
    }
    if (const auto *F = dyn_cast<FieldDecl>(M))
      H = fieldHole(H, F);
    MemberStore = true;
    // A member of *this: a store a later one may undo ("set, use, clear").
    bool OfThis =
        ThisSlot >= 0 && !IsLambdaBody && !H.discard() &&
        G.Locs[H.Dst].Kind == LocKind::ParamContent &&
        G.Locs[H.Dst].Slot == ThisSlot &&
        (ThisBase || isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()));
    // Or of what a pointer parameter points to.
    const auto *BaseRef =
        dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts());
    bool OfParam = !OfThis && !IsLambdaBody && !H.discard() && ME->isArrow() &&
                   BaseRef && isa<ParmVarDecl>(BaseRef->getDecl()) &&
                   G.Locs[H.Dst].Kind == LocKind::ParamContent &&
                   G.Locs[H.Dst].Slot != ThisSlot;
    // The same for a field of what a never-reassigned pointer variable
    // points to, when that object is not one of the frame's own (a
    // parameter's, one read from a member or returned by a call), undone by
    // a later store through the same variable. A frame's own object keeps
    // its node: what is read back from it must still see the store.
    bool ThroughPointer = !OfThis && !OfParam && ME->isArrow() &&
                          isa<FieldDecl>(M) && !Probing && !H.discard() &&
                          H.Derefs == 0 && stablePointer(ME->getBase()) &&
                          (G.Locs[H.Dst].Kind == LocKind::ParamContent ||
                           G.Locs[H.Dst].Kind == LocKind::Deref ||
                           G.Locs[H.Dst].Kind == LocKind::Heap);
    if (OfThis || OfParam || ThroughPointer) {
      int S = newLoc(LocKind::GlobalStore, M->getNameAsString(),
                     ME->getMemberLoc());
      G.Locs[S].TypeName = "member";
      flow(H.note(note("store to member", ME)), S);
      LastGlobalStore = S;
      LastGlobalDecl = M;
      return holeFor(S);
    }
    return H;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(LV))
    if (UO->getOpcode() == UO_Deref)
      return pointeeHole(UO->getSubExpr());
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(LV)) {
    MemberStore = true;
    return pointeeHole(AS->getBase());
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(LV)) {
    // v[i] = p on an owner stores into the owner.
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() > 0 &&
        TU.Types.isOwner(OC->getArg(0)->getType())) {
      MemberStore = true;
      return lvalueHole(OC->getArg(0));
    }
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(LV)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (Obj && TU.Types.isOwner(Obj->getType()) &&
        !Obj->getType()->isPointerType()) {
      MemberStore = true;
      return lvalueHole(Obj);
    }
  }
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(LV)) {
    auto It = TempOfMTE.find(MTE);
    return It == TempOfMTE.end() ? Hole() : holeFor(wholeOf(It->second));
  }
  // An lvalue the lowering cannot name (a reference a call returns): the
  // solver finds what its address is.
  if (Probing || !LV->isGLValue())
    return heapHole();
  int Addr = newLoc(LocKind::Flow, "{temp}", LV->getExprLoc());
  expr(holeFor(Addr).shift(-1), LV);
  return derefOf(Addr, LV);
}

void FunctionBuilder::noteStore(const Expr *LHS, const Expr *Whole) {
  const Expr *E = LHS->IgnoreParenImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (ME->isArrow())
      return;
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
      !VarLocs.count(VD))
    return;
  G.Locs[varLoc(VD)].Stores.push_back(Ctx.getSourceManager().getFileOffset(
      Ctx.getSourceManager().getExpansionLoc(Whole->getBeginLoc())));
}

void FunctionBuilder::assign(const Expr *LHS, const Expr *RHS,
                             const Expr *Whole) {
  if (!LHS->isTypeDependent() && !TU.Types.mayHoldAddress(LHS->getType())) {
    expr(Hole(), LHS);
    expr(Hole(), RHS);
    return;
  }
  LastGlobalStore = -1;
  MemberStore = false;
  noteStore(LHS, Whole);
  const Stmt *SavedStage = StageAt;
  StageAt = Whole;
  Hole H = lvalueHole(LHS);
  StageAt = SavedStage;
  int Store = LastGlobalStore;
  H = H.note(note(MemberStore ? "assign to member" : "assign", Whole));
  if (Store >= 0)
    GlobalStores[Whole] = {Store, LastGlobalDecl};
  if (LHS->getType()->isReferenceType())
    H = H.shift(-1);
  // A slot of a hand-rolled stack given up by decrementing its count later
  // (`a[n] = &w;` ... `count.store(n - 1);`): probably, not provably, gone.
  if (const Expr *Count = countDroppedLater(LHS, Whole)) {
    H.Maybe = true;
    H = H.note(note("until the slot is given up", Count));
  }
  // An object's address in the children it owns, pointed at the new owner
  // by every copy and move of its class (BackPointer.h).
  if (isRepointedBackPointer(LHS, RHS, FD)) {
    H.Maybe = true;
    H = H.note(note("a back-pointer each copy and move points again", Whole));
  }
  expr(H, RHS);
}

void FunctionBuilder::lambda(const Hole &K, const LambdaExpr *LE) {
  const CXXRecordDecl *RD = LE->getLambdaClass();
  if (!RD)
    return;
  if (const CXXMethodDecl *Call = LE->getCallOperator()) {
    if (const FunctionTemplateDecl *FT = Call->getDescribedFunctionTemplate()) {
      for (const FunctionDecl *Spec : FT->specializations())
        TU.Enqueue(Spec);
    } else {
      TU.Enqueue(Call);
    }
  }
  auto Field = RD->field_begin();
  auto Init = LE->capture_init_begin();
  for (const LambdaCapture &C : LE->captures()) {
    if (Field == RD->field_end() || Init == LE->capture_init_end())
      break;
    const FieldDecl *F = *Field;
    const Expr *IE = *Init;
    ++Field;
    ++Init;
    if (!IE)
      continue;
    // Into a closure kept as one node per capture: that capture's node.
    Hole FK = fieldHole(K, F);
    std::string Name = C.capturesVariable() && C.getCapturedVar()
                           ? C.getCapturedVar()->getNameAsString()
                           : std::string("this");
    if (F->getType()->isReferenceType()) {
      expr(FK.shift(-1,
                    note("captured by reference", C.getLocation(), "&" + Name)),
           IE);
      // What the lambda's body stores into the capture lands here; what
      // it reads through it is the variable's address.
      if (C.capturesVariable()) {
        std::string Key = captureKeyOf(RD, F->getFieldIndex());
        if (Hole T = probeLvalue(IE); !T.discard() && T.Derefs == 0)
          CaptureSinks.try_emplace(Key, T.Dst);
        if (!CaptureSources.count(Key)) {
          int A = newLoc(LocKind::Flow, "&" + Name, C.getLocation());
          expr(holeFor(A).shift(-1, note("captured by reference",
                                         C.getLocation(), "&" + Name)),
               IE);
          CaptureSources[Key] = A;
        }
      }
    } else if (TU.Types.mayHoldAddress(F->getType())) {
      expr(FK.note(note("captured by value", C.getLocation(), Name)), IE);
    } else {
      expr(Hole(), IE);
    }
    // What the body stores into the object its captured `this` points to
    // lands in this function's.
    if (C.capturesThis() && !F->getType()->isReferenceType())
      if (Hole T = pointeeHole(IE->IgnoreParenImpCasts(), -1);
          !T.discard() && T.Derefs == 0)
        CaptureSinks.try_emplace(captureKeyOf(RD, F->getFieldIndex()), T.Dst);
  }
}

void FunctionBuilder::materialize(const Hole &K,
                                  const MaterializeTemporaryExpr *MTE) {
  const Expr *Sub = MTE->getSubExpr();
  if (MTE->getStorageDuration() == SD_Static ||
      MTE->getStorageDuration() == SD_Thread) {
    expr(heapHole(), Sub);
    return;
  }
  int T = newTemporary(MTE->getType(), MTE,
                       MTE->getStorageDuration() == SD_FullExpression);
  TempOfMTE[MTE] = T;
  expr(holeFor(wholeOf(T)), Sub);
  flow(K, T);
}

int FunctionBuilder::newTemporary(QualType Ty, const Expr *E, bool FullExpr) {
  int Sc = CurScope;
  if (FullExpr) {
    Sc = static_cast<int>(G.Scopes.size());
    escape::Scope S;
    S.Parent = CurScope;
    S.FullExpr = true;
    S.EndOffset = Ctx.getSourceManager().getFileOffset(
        Ctx.getSourceManager().getExpansionLoc(E->getEndLoc()));
    G.Scopes.push_back(S);
  }
  int T = newLoc(LocKind::Temporary, "temporary", E->getBeginLoc(), Sc);
  G.Locs[T].CleansUp = TU.Types.cleansUp(Ty);
  G.Locs[T].Unregisters = G.Locs[T].CleansUp && TU.Types.mayUnregister(Ty);
  G.Locs[T].OwnsHeap = TU.Types.ownsHeap(Ty);
  G.Locs[T].TypeName =
      Ty.getNonReferenceType().getUnqualifiedType().getAsString(
          Ctx.getPrintingPolicy());
  G.Locs[T].Name = "temporary '" + G.Locs[T].TypeName + "'";
  splitObject(T, Ty);
  return T;
}

bool FunctionBuilder::refusedBinding(const Hole &K, const RecoveryExpr *RE) {
  // Only what Clang made sense of: one well-typed value of the very type of
  // the reference, which the binding would have materialized. Anything else
  // in an expression Clang rejected carries nothing we report.
  auto Subs = RE->subExpressions();
  const Expr *Sub = Subs.size() == 1 ? Subs.front() : nullptr;
  // (Error recovery may leave a part without a type.)
  if (!Sub || RE->getType().isNull() || Sub->getType().isNull() ||
      !RE->isGLValue() || !Sub->isPRValue() || Sub->containsErrors() ||
      Sub->isTypeDependent() || Sub->getType()->isVoidType() ||
      !Ctx.hasSameUnqualifiedType(Sub->getType(), RE->getType()))
    return false;
  int T = newTemporary(Sub->getType(), Sub, /*FullExpr=*/true);
  expr(holeFor(wholeOf(T)), Sub);
  flow(K.note(note("reference bound to a temporary (rejected)", RE)), T);
  return true;
}

int FunctionBuilder::allocSite(const Expr *E, QualType T, llvm::StringRef What,
                               const Expr *Size) {
  int A = newLoc(LocKind::Alloc, What.str(), E->getBeginLoc(), CurScope);
  Location &L = G.Locs[A];
  L.Alloc.Spelling = What.str();
  L.Alloc.TypeName = T.getAsString(Ctx.getPrintingPolicy());
  L.Alloc.InLoop = LoopDepth > 0;
  // Its destructor may undo what was done with it (a worker unregistering
  // itself), as a local's may.
  L.CleansUp = !T.isNull() && !T->isDependentType() && TU.Types.cleansUp(T);
  L.Unregisters = L.CleansUp && TU.Types.mayUnregister(T);
  if (!T.isNull() && !T->isIncompleteType() && !T->isDependentType() &&
      !T->isUndeducedType() && !T->containsErrors()) {
    uint64_t Bytes = Ctx.getTypeSizeInChars(T).getQuantity();
    L.Size.Bytes = Bytes;
    if (Ctx.getTypeAlignInChars(T).getQuantity() > 16)
      L.Alloc.OverAligned = true;
    if (Size) {
      Expr::EvalResult R;
      if (!Size->isValueDependent() && Size->EvaluateAsInt(R, Ctx))
        L.Size.Bytes = Bytes * R.Val.getInt().getLimitedValue();
      else
        L.Size.Constant = false;
    }
  } else {
    L.Size.Constant = false;
  }
  return A;
}

void FunctionBuilder::newExpr(const Hole &K, const CXXNewExpr *NE) {
  const FunctionDecl *OpNew = NE->getOperatorNew();
  if (NE->getNumPlacementArgs() > 0 && OpNew &&
      OpNew->isReservedGlobalPlacementOperator()) {
    // The place is lowered once: a call handing out memory
    // (`new (pool.allocate(n)) T(&x)`) is one allocation, the one the
    // object is built in and the one the result points to.
    const Expr *Place = NE->getPlacementArg(0);
    int V = newLoc(LocKind::Flow, "{temp}", Place->getExprLoc());
    expr(holeFor(V), Place);
    if (const Expr *Init = NE->getInitializer())
      expr(pointeeHole(Place, V), Init);
    flow(K.note(note("placement new", NE)), V);
    return;
  }
  std::string What =
      "new " + NE->getAllocatedType().getAsString(Ctx.getPrintingPolicy());
  const Expr *Size = nullptr;
  if (NE->isArray()) {
    What += "[]";
    if (auto S = NE->getArraySize())
      Size = *S;
  }
  int A = allocSite(NE, NE->getAllocatedType(), What, Size);
  if (NE->isArray() && !Size)
    G.Locs[A].Size.Constant = false;
  if (NE->getNumPlacementArgs() > 0 ||
      (OpNew && !OpNew->isReplaceableGlobalAllocationFunction()))
    G.Locs[A].Alloc.CustomAlloc = true;
  AllocOfNew[NE] = A;
  for (const Expr *PA : NE->placement_arguments())
    expr(Hole(), PA);
  if (const Expr *Init = NE->getInitializer()) {
    // An aggregate's fields are staged: a later store may replace them.
    const Stmt *SavedStage = StageAt;
    StageAt = isa<InitListExpr, CXXParenListInitExpr>(Init) ? NE : nullptr;
    expr(holeFor(A), Init);
    StageAt = SavedStage;
  }
  flow(K.shift(-1, note("new", NE)), A);
}

} // namespace escape
