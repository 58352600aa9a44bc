//===- BuildField.cpp - Field-sensitive objects ---------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A local or temporary of class type is kept as one node per field that may
// hold an address, so that reading `r.buf_` does not yield what `r.tag_`
// holds (ALGORITHM.md B9, pitfall 1). The object's own location stays the
// storage (its address, its scope) and receives every field's value, so a
// read of the whole object still sees everything. Stores into the whole
// object (assignment, a constructor, a callee writing through `&obj`) go to
// a separate "whole" node that feeds the object and each field, so the
// fields do not feed each other.
//
// The objects parameters refer to are split the same way: `this->f = x`
// lands in a sink for that field and `this->f` reads a source standing for
// the value the field holds on entry. Summaries name fields by their
// qualified name, and a call site lists the caller's nodes for the fields of
// each argument's object, so a callee's field facts land on the caller's
// fields, across translation units. A field of class type is split once
// more (`o.inner_.out_`, the path `Outer::inner_/Inner::out_` in a callee),
// and a store through a reference member lands where it was bound.
// Captures by reference are in BuildCapture.cpp.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"
#include "MoveFunction.h"
#include "SoleSharedOwner.h"
#include "TypeOverlap.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <algorithm>

using namespace clang;

namespace escape {

/// Classes with more fields than this are kept whole: the nodes per field
/// would cost more than the precision is worth.
static constexpr size_t MaxSplitFields = 48;

static const llvm::SmallVector<const FieldDecl *, 8> NoFields;

/// At most this many field entries per argument of a call (fields of
/// fields multiply): past it the callee's facts about the rest apply to the
/// whole object, which is sound.
static constexpr size_t MaxArgFields = 96;

std::string fieldKey(const FieldDecl *F) {
  // A closure's fields have no names: the capture's key names them.
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  std::string Key = RD && RD->isLambda()
                        ? captureKey(RD, F->getFieldIndex(),
                                     F->getASTContext().getSourceManager())
                        : F->getQualifiedNameAsString();
  // '/' separates the members of a path ("a/b", "a/*b"): a class named
  // after a lambda ("Box<(lambda at /src/a.cpp:3:9)>::f") must not add one.
  std::replace(Key.begin(), Key.end(), '/', '|');
  return Key;
}

/// How a field is shown: its name, or for a closure's field the variable
/// it captures.
static std::string fieldName(const FieldDecl *F) {
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  if (!RD || !RD->isLambda())
    return F->getNameAsString();
  llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
  FieldDecl *ThisField = nullptr;
  RD->getCaptureFields(Captures, ThisField);
  if (F == ThisField)
    return "this";
  for (auto &[V, CF] : Captures)
    if (CF == F)
      return V->getNameAsString();
  return F->getNameAsString();
}

const llvm::SmallVector<const FieldDecl *, 8> *
FunctionBuilder::splitFields(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  RD = RD->getDefinition();
  if (!RD || RD->isUnion() || RD->isDependentType() || RD->isInvalidDecl() ||
      TU.Types.classify(RD) != RecordClass::Plain)
    return nullptr;
  auto [It, New] = TU.SplitFieldCache.try_emplace(RD);
  if (New) {
    llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD};
    llvm::SmallPtrSet<const CXXRecordDecl *, 4> Seen;
    bool Ok = true;
    while (!Work.empty() && Ok) {
      const CXXRecordDecl *C = Work.pop_back_val();
      if (!Seen.insert(C).second)
        continue;
      for (const FieldDecl *F : C->fields())
        if (F->getType()->isReferenceType() ||
            TU.Types.mayHoldAddress(F->getType()))
          It->second.Fields.push_back(F);
      for (const CXXBaseSpecifier &B : C->bases()) {
        const CXXRecordDecl *BD = B.getType()->getAsCXXRecordDecl();
        BD = BD ? BD->getDefinition() : nullptr;
        if (!BD || BD->isUnion())
          Ok = false;
        else
          Work.push_back(BD);
      }
    }
    It->second.Valid = Ok && !It->second.Fields.empty() &&
                       It->second.Fields.size() <= MaxSplitFields;
  }
  return It->second.Valid ? &It->second.Fields : nullptr;
}

void FunctionBuilder::splitObject(int L, QualType T) {
  if (T.isNull() || T->isReferenceType() || T->isDependentType())
    return;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (splitFields(RD))
    Splits[L].Record = RD->getDefinition();
}

int FunctionBuilder::wholeOf(int L) {
  auto It = Splits.find(L);
  if (It == Splits.end())
    return L;
  SplitObject &O = It->second;
  if (O.Whole < 0) {
    O.Whole = newLoc(LocKind::Flow, G.Locs[L].Name, SourceLocation());
    G.Locs[O.Whole].Pos = G.Locs[L].Pos;
    G.Locs[O.Whole].Parent = L;
    G.Locs[O.Whole].OwnsHeap = G.Locs[L].OwnsHeap;
    flow(holeFor(L), O.Whole);
    int W = O.Whole;
    llvm::SmallVector<int, 8> Fields;
    for (auto &[Key, F] : O.Fields)
      Fields.push_back(F);
    for (int F : Fields)
      flow(holeFor(wholeOf(F)), W);
    return W;
  }
  return O.Whole;
}

int FunctionBuilder::fieldOf(int L, const FieldDecl *F) {
  auto It = Splits.find(L);
  if (It == Splits.end())
    return -1;
  const auto *Fields = splitFields(It->second.Record);
  if (!Fields || !llvm::is_contained(*Fields, F))
    return -1;
  std::string Key = fieldKey(F);
  SplitObject &O = It->second;
  auto FI = O.Fields.find(Key);
  if (FI != O.Fields.end())
    return FI->second;
  int N = newLoc(LocKind::Flow, G.Locs[L].Name + "." + fieldName(F),
                 SourceLocation());
  G.Locs[N].Pos = G.Locs[L].Pos;
  G.Locs[N].Parent = L;
  G.Locs[N].Field = Key;
  G.Locs[N].OwnsHeap = TU.Types.ownsField(F) || TU.Types.ownsHeap(F->getType());
  flow(holeFor(L), N);
  O.Fields[Key] = N;
  int Whole = O.Whole, Depth = O.Depth;
  // A field of class type is split again, one level (`o.inner_.out_`).
  if (Depth == 0 && !F->getType()->isReferenceType())
    if (const CXXRecordDecl *RD = F->getType()->getAsCXXRecordDecl();
        RD && splitFields(RD)) {
      SplitObject &Sub = Splits[N]; // may move O: not used below
      Sub.Record = RD->getDefinition();
      Sub.Depth = 1;
    }
  if (Whole >= 0)
    flow(holeFor(wholeOf(N)), Whole);
  return N;
}

int FunctionBuilder::rootObject(int L) const {
  while (L >= 0 && G.Locs[L].Parent >= 0)
    L = G.Locs[L].Parent;
  return L;
}

int FunctionBuilder::paramFieldNode(int Slot, const FieldDecl *F, bool Source) {
  if (Slot < 0 || Slot >= static_cast<int>(G.SlotNames.size()))
    return -1;
  std::string Name = fieldName(F);
  int N =
      paramFieldNode(Slot, fieldKey(F),
                     Source ? G.SlotNames[Slot] + "->" + Name : Name, Source);
  if (!Source && N >= 0)
    G.Locs[N].SharesHeap =
        holdsSharedPtr(F->getType()) && !TU.Types.ownsField(F);
  // What a pointer member points to has a sink of its own, which callers
  // map to what their field points to (see resolveDerefs).
  if (Source && N >= 0 && F->getType()->isPointerType() &&
      G.Locs[N].Pointer < 0) {
    int T = throughSink(Slot, F);
    G.Locs[N].Pointer = T;
  }
  return N;
}

int FunctionBuilder::paramFieldNode(int Slot, const std::string &Key,
                                    const std::string &Display, bool Source) {
  if (Slot < 0 || Slot >= static_cast<int>(G.SlotContents.size()) ||
      G.SlotContents[Slot] < 0 || (IsLambdaBody && Slot == 0 && !OwnClosure))
    return -1;
  FieldRef Ref{Slot, Key};
  std::map<FieldRef, int> &Nodes = Source ? FieldSources : ContentFields;
  auto It = Nodes.find(Ref);
  if (It != Nodes.end())
    return It->second;
  int C = G.SlotContents[Slot];
  std::string Name = Source || Display.find('{') == 0
                         ? Display
                         : G.Locs[C].Name + "." + Display;
  int N = newLoc(Source ? LocKind::ParamField : LocKind::ParamContent,
                 std::move(Name), SourceLocation());
  G.Locs[N].Pos = G.Locs[C].Pos;
  G.Locs[N].Slot = Slot;
  G.Locs[N].Field = Ref.Field;
  Nodes[Ref] = N;
  return N;
}

int FunctionBuilder::resultField(const FieldDecl *F) {
  // A returned closure stays whole: what it captured is what it returns.
  if (ResultRecord && ResultRecord->isLambda())
    return -1;
  const auto *Fields = splitFields(ResultRecord);
  if (!Fields || !llvm::is_contained(*Fields, F))
    return -1;
  FieldRef Ref{FieldRef::ResultSlot, fieldKey(F)};
  auto It = ContentFields.find(Ref);
  if (It != ContentFields.end())
    return It->second;
  int N = newLoc(LocKind::Result, "~r0." + fieldName(F), SourceLocation());
  G.Locs[N].Field = Ref.Field;
  ContentFields[Ref] = N;
  return N;
}

void FunctionBuilder::resultFields(int Call, int Obj) {
  const Location &O = G.Locs[Obj];
  if (O.Parent < 0 || !O.Field.empty())
    return;
  int Parent = O.Parent;
  if (const auto *Fields = splitFields(Splits[Parent].Record))
    for (const FieldDecl *F : *Fields) {
      int N = fieldOf(Parent, F);
      // Stores into a field that is split again reach its fields too.
      G.Calls[Call].ArgFields.push_back(
          {FieldRef{FieldRef::ResultSlot, fieldKey(F)},
           N >= 0 && Splits.count(N) ? wholeOf(N) : N, -1});
    }
}

Hole FunctionBuilder::fieldHole(const Hole &H, const FieldDecl *F) {
  if (H.discard() || H.Derefs != 0)
    return H;
  const Location &L = G.Locs[H.Dst];
  int N = -1;
  if (L.Parent >= 0 && L.Field.empty()) {
    N = fieldOf(L.Parent, F);
    // Stores into a field that is split again go to its whole-store node.
    if (N >= 0 && Splits.count(N))
      N = wholeOf(N);
  } else if (L.Kind == LocKind::ParamContent && L.Field.empty()) {
    N = contentField(L.Slot, F);
  } else if (L.Kind == LocKind::ParamContent && L.Slot >= 0 &&
             L.Field.find('/') == std::string::npos) {
    N = paramFieldNode(L.Slot, L.Field + "/" + fieldKey(F),
                       G.Locs[H.Dst].Name + "." + fieldName(F),
                       /*Source=*/false);
  } else if (L.Kind == LocKind::Result && L.Field.empty()) {
    N = resultField(F);
  } else if (L.Kind == LocKind::Alloc && StageAt) {
    // A heap object is kept whole; the store gets a node of its own so
    // that a later store into the same field may replace it.
    N = newLoc(LocKind::Flow, L.Name + "." + fieldName(F),
               StageAt->getBeginLoc());
    FieldStages.push_back({H.Dst, F, StageAt, N});
    flow(holeFor(H.Dst), N);
  }
  if (N < 0)
    return H;
  Hole R = H;
  R.Dst = N;
  return R;
}

bool FunctionBuilder::refersToNoAddress(QualType T) {
  if (!(T->isPointerType() || T->isReferenceType()) || T->isDependentType())
    return false;
  QualType P = T->getPointeeType();
  // A derived object behind a polymorphic base may hold what the base does
  // not show.
  return !P->isVoidType() && !P->isIncompleteType() && !P->isDependentType() &&
         !mayBeBaseOfMore(P) && !TU.Types.mayHoldAddress(P);
}

int FunctionBuilder::boolParamSlot(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!PVD || !PVD->getType()->isBooleanType() || Reassigned.count(PVD) ||
      DRE->refersToEnclosingVariableOrCapture())
    return -1;
  auto It = SlotOfParam.find(PVD);
  return It == SlotOfParam.end() ? -1 : It->second;
}

int FunctionBuilder::heldParamSlot(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  // `std::forward<F>(f)`, `std::move(f)`: the same object.
  if (const Expr *M = movedArgument(E))
    E = M->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf))
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  auto SlotOf = [&](const Expr *A) {
    const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts());
    const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!PVD || Reassigned.count(PVD) ||
        DRE->refersToEnclosingVariableOrCapture() ||
        !(PVD->getType()->isReferenceType() || PVD->getType()->isPointerType()))
      return -1;
    auto It = SlotOfParam.find(PVD);
    return It == SlotOfParam.end() ? -1 : It->second;
  };
  if (int S = SlotOf(E); S >= 0)
    return S;
  // A local built from the parameter, holding it by reference (`Waiter
  // w{ctx};`).
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !V->getInit())
    return -1;
  const Expr *Init = V->getInit()->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    for (unsigned I = 0;
         Ctor && I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (Ctor->getParamDecl(I)->getType()->isReferenceType())
        if (int S = SlotOf(CE->getArg(I)); S >= 0)
          return S;
  }
  // An aggregate's reference member (`Waiter w{ctx};`).
  const auto *IL = dyn_cast<InitListExpr>(Init);
  const auto *RD = IL ? IL->getType()->getAsCXXRecordDecl() : nullptr;
  if (!RD || !RD->hasDefinition() || RD->isUnion())
    return -1;
  unsigned I = RD->getNumBases();
  for (const FieldDecl *F : RD->fields()) {
    if (I >= IL->getNumInits())
      break;
    if (F->getType()->isReferenceType())
      if (int S = SlotOf(IL->getInit(I)); S >= 0)
        return S;
    ++I;
  }
  return -1;
}

int FunctionBuilder::paramSlotOf(const Expr *Base, bool Arrow) {
  Base = Base->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Base))
    return Arrow && !IsLambdaBody && DefaultInitObject < 0 ? ThisSlot : -1;
  const auto *DRE = dyn_cast<DeclRefExpr>(Base);
  const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!PVD || (IsLambdaBody && DRE->refersToEnclosingVariableOrCapture()))
    return -1;
  // `p->f` on a pointer never re-pointed, `r.f` on a reference.
  bool Ptr = PVD->getType()->isPointerType() && !Reassigned.count(PVD);
  bool Ref = PVD->getType()->isReferenceType();
  if (Arrow ? !Ptr : !Ref)
    return -1;
  auto It = SlotOfParam.find(PVD);
  return It == SlotOfParam.end() ? -1 : It->second;
}

int FunctionBuilder::objectNode(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || isa<ParmVarDecl>(VD) || VD->hasGlobalStorage() ||
        VD->isStaticLocal() || VD->getType()->isReferenceType() ||
        (IsLambdaBody && DRE->refersToEnclosingVariableOrCapture()))
      return -1;
    int L = varLoc(VD);
    return Splits.count(L) ? L : -1;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (int B = objectNode(ME->getBase()); B >= 0)
        return fieldOf(B, F);
  return -1;
}

int FunctionBuilder::fieldRead(const MemberExpr *ME, const FieldDecl *F) {
  const Expr *B = ME->getBase()->IgnoreParenImpCasts();
  // `make().b`: the temporary is lowered here, then its field read.
  // (IgnoreParenImpCasts looks through the temporary itself.)
  const Expr *Raw = ME->getBase()->IgnoreParens();
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(Raw))
    Raw = IC->getSubExpr()->IgnoreParens();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Raw);
      MTE && !ME->isArrow() && MTE->getStorageDuration() == SD_FullExpression) {
    materialize(Hole(), MTE);
    auto It = TempOfMTE.find(MTE);
    int N = It == TempOfMTE.end() ? -1 : fieldOf(It->second, F);
    // Not split: the whole temporary is what is read.
    return N >= 0 ? N : (It == TempOfMTE.end() ? -1 : It->second);
  }
  if (int Slot = paramSlotOf(B, ME->isArrow()); Slot >= 0)
    return fieldSource(Slot, F);
  if (ME->isArrow())
    return -1;
  // A field of a field: `this->ctx.out_`, `o.inner_.out_`.
  if (const auto *BME = dyn_cast<MemberExpr>(B)) {
    const auto *F1 = dyn_cast<FieldDecl>(BME->getMemberDecl());
    if (!F1 || F1->getType()->isReferenceType())
      return -1;
    if (int Slot = paramSlotOf(BME->getBase(), BME->isArrow()); Slot >= 0) {
      const CXXRecordDecl *RD = F1->getType()->getAsCXXRecordDecl();
      if (!splitFields(RD) || !llvm::is_contained(*splitFields(RD), F))
        return -1;
      return paramFieldNode(Slot, fieldKey(F1) + "/" + fieldKey(F),
                            G.SlotNames[Slot] + "->" + fieldName(F1) + "." +
                                fieldName(F),
                            /*Source=*/true);
    }
  }
  int Obj = objectNode(B);
  int N = Obj >= 0 ? fieldOf(Obj, F) : -1;
  if (N >= 0) {
    unsigned Off = Ctx.getSourceManager().getFileOffset(
        Ctx.getSourceManager().getExpansionLoc(ME->getBeginLoc()));
    noteUse(rootObject(N), Off);
  }
  return N;
}

int FunctionBuilder::throughSink(int Slot, const FieldDecl *F) {
  return paramFieldNode(Slot, "*" + fieldKey(F),
                        "{*" + G.SlotNames[Slot] + "->" + fieldName(F) + "}",
                        /*Source=*/false);
}

Hole FunctionBuilder::throughReference(const MemberExpr *ME,
                                       const FieldDecl *F) {
  if (int Slot = paramSlotOf(ME->getBase(), ME->isArrow()); Slot >= 0) {
    if (int N = throughSink(Slot, F); N >= 0)
      return holeFor(N);
  }
  if (!ME->isArrow())
    if (int Obj = objectNode(ME->getBase()); Obj >= 0)
      if (int N = fieldOf(Obj, F); N >= 0)
        if (auto It = RefTargets.find(N); It != RefTargets.end())
          return holeFor(It->second);
  return heapHole();
}

/// The field path of what pointer member F2 of member object Outer points
/// to ("FreeList::base_/*ChunkBase::prev"): a sink a callee stores into
/// through `this->base_.prev`, which the caller maps to what its own field
/// points to, and which is the heap where it cannot.
static std::string throughPathKey(const std::string &Outer,
                                  const FieldDecl *F2) {
  return Outer + "/*" + fieldKey(F2);
}

/// The class of the object slot J of Callee refers to.
static const CXXRecordDecl *slotRecord(const FunctionDecl *Callee, size_t J) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  bool HasThis = MD && MD->isInstance();
  if (HasThis && J == 0)
    return MD->getParent();
  size_t P = J - (HasThis ? 1 : 0);
  if (P >= Callee->getNumParams())
    return nullptr;
  QualType T = Callee->getParamDecl(P)->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getNonReferenceType()->getAsCXXRecordDecl();
}

void FunctionBuilder::fieldArgs(CallSite &CS, const FunctionDecl *Callee) {
  for (size_t J = 0; J < CS.ArgContent.size(); ++J) {
    int Obj = CS.ArgContent[J];
    if (Obj < 0)
      continue;
    // A member of *this is stored through a node that a later store may
    // undo (set, use, clear): the member's own node is behind it.
    if (G.Locs[Obj].Kind == LocKind::GlobalStore)
      for (auto It = G.Edges.rbegin(); It != G.Edges.rend(); ++It)
        if (It->Src == Obj && It->Derefs == 0) {
          Obj = It->Dst;
          break;
        }
    int Arg = static_cast<int>(J);
    size_t Start = CS.ArgFields.size();
    auto Push = [&](std::string Key, int Sink, int Source) {
      if (Sink >= 0 && Source >= 0 &&
          CS.ArgFields.size() - Start < MaxArgFields)
        CS.ArgFields.push_back({FieldRef{Arg, std::move(Key)}, Sink, Source});
    };
    auto Full = [&] { return CS.ArgFields.size() - Start >= MaxArgFields; };
    // The sink for what pointer member F2 of member object Outer of the
    // slot's object points to.
    auto ThroughPath = [&](int Slot, const std::string &Outer,
                           const FieldDecl *F2, const std::string &Name) {
      return paramFieldNode(Slot, throughPathKey(Outer, F2), "{*" + Name + "}",
                            /*Source=*/false);
    };
    // Copies: creating nodes below grows G.Locs.
    int Parent = G.Locs[Obj].Parent, Slot = G.Locs[Obj].Slot;
    bool Content = G.Locs[Obj].Kind == LocKind::ParamContent;
    std::string Field = G.Locs[Obj].Field;
    if (Parent >= 0 && Field.empty()) {
      // A split local, temporary or field of one: its fields, and theirs.
      const auto *Fields = splitFields(Splits[Parent].Record);
      for (const FieldDecl *F : Fields ? *Fields : NoFields) {
        if (Full())
          break;
        int N = fieldOf(Parent, F);
        // Stores into a field that is split again reach its fields too.
        Push(fieldKey(F), N >= 0 && Splits.count(N) ? wholeOf(N) : N, N);
        if (auto It = RefTargets.find(N); N >= 0 && It != RefTargets.end())
          CS.ArgFields.push_back(
              {FieldRef{Arg, "*" + fieldKey(F)}, It->second, -1});
        else if (N >= 0 && (F->getType()->isPointerType() ||
                            F->getType()->isReferenceType()))
          // What the callee stores through the pointer or reference member
          // lands in what the caller's field points or refers to.
          CS.ArgFields.push_back({FieldRef{Arg, "*" + fieldKey(F)},
                                  derefNode(N, "*" + G.Locs[N].Name), -1});
        if (N < 0 || !Splits.count(N))
          continue;
        const auto *Sub = splitFields(Splits[N].Record);
        for (const FieldDecl *F2 : Sub ? *Sub : NoFields) {
          if (Full())
            break;
          int N2 = fieldOf(N, F2);
          Push(fieldKey(F) + "/" + fieldKey(F2), N2, N2);
          if (N2 >= 0 && F2->getType()->isPointerType())
            CS.ArgFields.push_back(
                {FieldRef{Arg, throughPathKey(fieldKey(F), F2)},
                 derefNode(N2, "*" + G.Locs[N2].Name), -1});
        }
      }
    } else if (Parent < 0 && !Splits.count(Obj) &&
               (G.Locs[Obj].Kind == LocKind::Local ||
                G.Locs[Obj].Kind == LocKind::Temporary)) {
      // A whole object kept apart: what the callee stores through a
      // pointer member the object owns (its destructor deletes or destroys
      // it) lands in the object, and dies with it.
      const CXXRecordDecl *RD = slotRecord(Callee, J);
      RD = RD ? RD->getDefinition() : nullptr;
      if (RD)
        for (const FieldDecl *F : RD->fields())
          if (F->getType()->isPointerType() && TU.Types.ownsField(F))
            CS.ArgFields.push_back({FieldRef{Arg, "*" + fieldKey(F)}, Obj, -1});
    } else if (G.Locs[Obj].Kind == LocKind::Param && Slot >= 0 &&
               Slot < static_cast<int>(G.SlotKinds.size()) &&
               G.SlotKinds[Slot] == 'v' && G.SlotContents[Slot] >= 0) {
      // A class parameter passed by value: what the callee stores through
      // its pointer members lands where they point, in the caller.
      const CXXRecordDecl *RD = slotRecord(Callee, J);
      const auto *Fields = splitFields(RD);
      for (const FieldDecl *F : Fields ? *Fields : NoFields) {
        if (F->getType()->isPointerType() || F->getType()->isReferenceType())
          CS.ArgFields.push_back(
              {FieldRef{Arg, "*" + fieldKey(F)}, G.SlotContents[Slot], -1});
        // A closure by value (`template <class F> void run(F f) { f(); }`):
        // its captures apart, as the caller passes them
        // (closureByValue).
        if (RD->isLambda())
          Push(fieldKey(F), contentField(Slot, F), fieldSource(Slot, F));
      }
    } else if (G.Locs[Obj].Kind == LocKind::Result && Field.empty()) {
      const auto *Fields = splitFields(ResultRecord);
      for (const FieldDecl *F : Fields ? *Fields : NoFields) {
        if (Full())
          break;
        int N = resultField(F);
        Push(fieldKey(F), N, N);
      }
    } else if (Content && Slot >= 0 && Field.empty() &&
               Slot < static_cast<int>(SlotRecords.size())) {
      // What a parameter refers to: its fields, and theirs as paths.
      const auto *Fields = splitFields(SlotRecords[Slot]);
      for (const FieldDecl *F : Fields ? *Fields : NoFields) {
        if (Full())
          break;
        Push(fieldKey(F), contentField(Slot, F), fieldSource(Slot, F));
        if (F->getType()->isReferenceType() || F->getType()->isPointerType())
          if (int T = throughSink(Slot, F); T >= 0)
            CS.ArgFields.push_back({FieldRef{Arg, "*" + fieldKey(F)}, T, -1});
        const CXXRecordDecl *RD = F->getType()->isReferenceType()
                                      ? nullptr
                                      : F->getType()->getAsCXXRecordDecl();
        const auto *Sub = splitFields(RD);
        for (const FieldDecl *F2 : Sub ? *Sub : NoFields) {
          if (Full())
            break;
          std::string Key = fieldKey(F) + "/" + fieldKey(F2);
          std::string Name = fieldName(F) + "." + fieldName(F2);
          Push(
              Key, paramFieldNode(Slot, Key, Name, false),
              paramFieldNode(Slot, Key, G.SlotNames[Slot] + "->" + Name, true));
          if (F2->getType()->isPointerType())
            if (int T = ThroughPath(Slot, fieldKey(F), F2,
                                    G.SlotNames[Slot] + "->" + Name);
                T >= 0)
              CS.ArgFields.push_back(
                  {FieldRef{Arg, throughPathKey(fieldKey(F), F2)}, T, -1});
        }
      }
    } else if (Content && Slot >= 0 && Field.find('/') == std::string::npos &&
               Field.find('*') != 0) {
      // A member object of what a parameter refers to (`this->ctx.out()`):
      // the callee's fields of it are paths here.
      const auto *Sub = splitFields(slotRecord(Callee, J));
      for (const FieldDecl *F2 : Sub ? *Sub : NoFields) {
        if (Full())
          break;
        std::string Key = Field + "/" + fieldKey(F2);
        std::string Name = G.Locs[Obj].Name + "." + fieldName(F2);
        Push(fieldKey(F2), paramFieldNode(Slot, Key, Name, false),
             paramFieldNode(Slot, Key, Name, true));
        // What the callee stores through a pointer member of it
        // (`list->prev->next = x` given `&this->base_`): what the caller's
        // caller's member points to.
        if (F2->getType()->isPointerType())
          if (int T = ThroughPath(Slot, Field, F2, Name); T >= 0)
            CS.ArgFields.push_back({FieldRef{Arg, "*" + fieldKey(F2)}, T, -1});
      }
    }
  }
}

} // namespace escape
