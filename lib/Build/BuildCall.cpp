//===- BuildCall.cpp - Lowering of calls and constructions ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A call becomes a CallSite: one flow node per parameter slot (slot 0 is
// `this` for methods), the place where a store through each slot lands in
// the caller (Go's content hole), and a node for the result. The callee's
// summary, known only after the callee is solved, turns these into edges.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"
#include "HandWrittenCopy.h"
#include "MoveFunction.h"
#include "ObjectUses.h"
#include "clang-escape/Support/LLVMCompat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace escape {

static bool isNamed(const FunctionDecl *FD,
                    std::initializer_list<llvm::StringRef> Names) {
  const IdentifierInfo *II = FD->getIdentifier();
  if (!II)
    return false;
  for (llvm::StringRef N : Names)
    if (II->getName() == N)
      return true;
  return false;
}

static bool isCFunction(const FunctionDecl *FD) {
  return FD->isExternC() || FD->getBuiltinID() != 0;
}

/// True if T is a pointer to raw memory: `void *`, `char *`, `std::byte *`.
static bool isRawMemory(QualType T) {
  if (!T->isPointerType())
    return false;
  QualType P = T->getPointeeType().getCanonicalType().getUnqualifiedType();
  return P->isVoidType() || P->isCharType() || P->isStdByteType();
}

/// True if FD is an allocation function of the program or of a library
/// outside the standard one: it returns raw memory (`void *`, `char *`,
/// `std::byte *`) and its name says it allocates (`allocate`,
/// `allocate_memory`, `Malloc`, `cache_aligned_allocate`), not that it
/// gives memory back (`deallocate`) or moves a block (`Realloc`, whose
/// result holds the old contents). What it returns is memory nobody else
/// holds, whichever pool or free list it comes from.
static bool handsOutMemory(const FunctionDecl *FD) {
  const IdentifierInfo *II = FD->getIdentifier();
  if (!II || isInStd(FD) || isCFunction(FD))
    return false;
  if (!isRawMemory(FD->getReturnType()))
    return false;
  std::string N = II->getName().lower();
  return N.find("alloc") != std::string::npos &&
         N.find("dealloc") == std::string::npos &&
         N.find("realloc") == std::string::npos &&
         N.find("free") == std::string::npos;
}

/// True if FD is a deallocation function outside the standard and C
/// libraries: its name says it gives memory back (`deallocate`,
/// `deallocate_memory`, `Free`, `free_block`). The raw memory it is given
/// is no longer the object that lived there: what the allocator keeps of
/// it (a free list) keeps nothing of the object.
static bool givesBackMemory(const FunctionDecl *FD) {
  const IdentifierInfo *II = FD->getIdentifier();
  if (!II || isInStd(FD) || isCFunction(FD))
    return false;
  std::string N = II->getName().lower();
  return N.find("dealloc") != std::string::npos || N == "free" ||
         N.rfind("free_", 0) == 0 ||
         (N.size() > 5 && N.compare(N.size() - 5, 5, "_free") == 0);
}

CallSite FunctionBuilder::innerCall(const CallSite &CS,
                                    const FunctionDecl *Callee,
                                    llvm::StringRef Why) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  unsigned Base = MD && MD->isInstance() ? 1 : 0;
  CallSite In;
  In.CalleeKey = declKey(Callee, TU.Mangler.get());
  In.CalleeName = Why.str() + CS.CalleeName;
  In.Pos = CS.Pos;
  In.Spelling = CS.Spelling;
  In.Method = Base == 1;
  In.Args.assign(Base + Callee->getNumParams(), -1);
  In.ArgContent.assign(Base + Callee->getNumParams(), -1);
  return In;
}

/// The local of an enclosing function that \p E names inside a lambda's
/// body, captured by reference; null otherwise.
static const VarDecl *capturedLocal(const Expr *E) {
  const auto *DRE =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !DRE->refersToEnclosingVariableOrCapture() ||
      !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->getType()->isReferenceType())
    return nullptr;
  return V;
}

/// The local pointer \p ThisArg names (`doc->load()`) when it points to an
/// object built by placement new (`Doc *doc = new (buf) Doc;`) whose life
/// \p Body ends after \p Call by an explicit destructor call
/// (`doc->~Doc()`, `std::destroy_at(doc)`), or by `new` and deleted after
/// \p Call (`delete q;`). Null otherwise.
static const VarDecl *destroyedExplicitlyAfter(const Stmt *Body,
                                               const Expr *ThisArg,
                                               const Expr *Call,
                                               const SourceManager &SM) {
  const auto *DRE = dyn_cast<DeclRefExpr>(ThisArg->IgnoreParenImpCasts());
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  // Only a pointer made by placement new is looked for (a cheap test on
  // a path every call through a local pointer takes).
  const auto *New = V && V->hasLocalStorage() && V->getInit()
                        ? dyn_cast<CXXNewExpr>(V->getInit()->IgnoreImplicit())
                        : nullptr;
  if (!Body || !New)
    return nullptr;
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    SourceLocation After;
    const SourceManager &SM;
    bool Placed;
    bool Found = false;
    Finder(const VarDecl *V, SourceLocation After, const SourceManager &SM,
           bool Placed)
        : V(V), After(After), SM(SM), Placed(Placed) {}
    bool ends(const Expr *Object, const Expr *E) const {
      const auto *D = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts());
      return D && D->getDecl() == V &&
             SM.isBeforeInTranslationUnit(After, E->getBeginLoc());
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      Found |= Placed &&
               isa_and_nonnull<CXXDestructorDecl>(E->getMethodDecl()) &&
               ends(E->getImplicitObjectArgument(), E);
      return !Found;
    }
    bool VisitCallExpr(CallExpr *E) {
      const FunctionDecl *F = E->getDirectCallee();
      Found |= Placed && F && isInStd(F) && F->getIdentifier() &&
               F->getName() == "destroy_at" && E->getNumArgs() == 1 &&
               ends(E->getArg(0), E);
      return !Found;
    }
    bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
      Found |= !Placed && ends(E->getArgument(), E);
      return !Found;
    }
  } F(V, Call->getEndLoc(), SM, New->getNumPlacementArgs() > 0);
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found ? V : nullptr;
}

int FunctionBuilder::callSite(const FunctionDecl *Callee, const Expr *Call,
                              const Expr *ThisArg, bool ThisIsPointer,
                              llvm::ArrayRef<const Expr *> Args, int ThisDest,
                              bool Virtual) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  bool HasThis = MD && MD->isInstance();
  unsigned NParams = Callee->getNumParams();
  unsigned NSlots = (HasThis ? 1 : 0) + NParams;
  CallSite CS;
  CS.CalleeKey = declKey(Callee, TU.Mangler.get());
  CS.CalleeName = Callee->getQualifiedNameAsString();
  CS.Pos = pos(Call->getBeginLoc());
  CS.Spelling = text(Call);
  CS.Virtual = Virtual;
  CS.Method = HasThis;
  CS.Args.assign(NSlots, -1);
  CS.ArgContent.assign(NSlots, -1);
  CS.ArgConst.assign(NSlots, -1);
  CS.ArgParam.assign(NSlots, -1);
  CS.ArgParamObject.assign(NSlots, -1);
  if (HasThis && ThisArg)
    CS.ArgParamObject[0] = heldParamSlot(ThisArg);
  for (unsigned I = 0; I < Args.size() && I < NParams; ++I)
    CS.ArgParamObject[(HasThis ? 1 : 0) + I] = heldParamSlot(Args[I]);
  for (unsigned I = 0; I < Args.size() && I < NParams; ++I) {
    bool B;
    if (!Args[I]->getType()->isBooleanType() || Args[I]->isValueDependent())
      continue;
    if (Args[I]->EvaluateAsBooleanCondition(B, Ctx))
      CS.ArgConst[(HasThis ? 1 : 0) + I] = B;
    else
      CS.ArgParam[(HasThis ? 1 : 0) + I] = boolParamSlot(Args[I]);
  }
  Note N = note("call parameter", Call);
  if (HasThis) {
    int A = newLoc(LocKind::Flow, "{temp}", Call->getExprLoc());
    if (ThisDest >= 0) {
      // Constructing a split object: its address is the object's, what the
      // constructor stores goes to the whole-object node. A base
      // initializer constructs into *this: `this` is the address.
      const Location &D = G.Locs[ThisDest];
      if (D.Kind == LocKind::ParamContent)
        flow(holeFor(A).note(N), G.SlotLocs[D.Slot]);
      else
        flow(holeFor(A).shift(-1, N), rootObject(ThisDest));
      CS.ArgContent[0] = ThisDest;
    } else if (ThisArg) {
      if (ThisIsPointer) {
        expr(holeFor(A).note(N), ThisArg);
        CS.ArgContent[0] = pointeeHole(ThisArg, A).Dst;
      } else {
        expr(holeFor(A).shift(-1, N), ThisArg);
        CS.ArgContent[0] = probeLvalue(ThisArg).Dst;
        if (CS.ArgContent[0] == FunctionGraph::HeapLoc)
          CS.ArgContent[0] = derefOf(A, ThisArg).Dst;
      }
    }
    CS.Args[0] = A;
  }
  for (unsigned I = 0; I < Args.size(); ++I) {
    const Expr *Arg = Args[I];
    if (I >= NParams) { // variadic part
      expr(Hole(), Arg);
      continue;
    }
    QualType PT = Callee->getParamDecl(I)->getType();
    bool Ref = PT->isReferenceType();
    unsigned Slot = (HasThis ? 1 : 0) + I;
    if (!Ref && !TU.Types.mayHoldAddress(PT)) {
      expr(Hole(), Arg);
      continue;
    }
    int A = newLoc(LocKind::Flow, "{temp}", Arg->getExprLoc());
    CS.Args[Slot] = A;
    if (Ref) {
      expr(holeFor(A).shift(-1, N), Arg);
      CS.ArgContent[Slot] = probeLvalue(Arg).Dst;
      if (CS.ArgContent[Slot] == FunctionGraph::HeapLoc)
        CS.ArgContent[Slot] = derefOf(A, Arg).Dst;
    } else if (closureByValue(CS, Slot, PT, Arg, A, N)) {
      CS.ArgContent[Slot] = derefOf(A, Arg).Dst;
    } else {
      // An array given as it is (forwarded by make_unique) decays to its
      // address.
      bool Decays = PT->isPointerType() && Arg->getType()->isArrayType();
      expr(Decays ? holeFor(A).shift(-1, N) : holeFor(A).note(N), Arg);
      // A null argument has no pointee: a store through it cannot happen.
      if (PT->isPointerType())
        CS.ArgContent[Slot] =
            Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)
                ? CallSite::NoObject
                : pointeeHole(Arg, A).Dst;
      // A class by value: what its pointer members point to; an iterator
      // or smart pointer by value: what it points to (`std::iter_swap(a,
      // b)` exchanges two elements of the container they point into).
      else if (splitFields(PT->getAsCXXRecordDecl()) ||
               TU.Types.isPointerLike(PT))
        CS.ArgContent[Slot] = derefOf(A, Arg).Dst;
    }
  }
  // A call on a local object whose destructor does work (RAII
  // registration: the constructor registers, the destructor unregisters).
  fieldArgs(CS, Callee);
  captureArgs(CS, Callee, Args);
  if (HasThis) {
    int Obj = CS.ArgContent[0];
    if (Obj >= 0)
      Obj = rootObject(Obj);
    if (Obj >= 0 && G.Locs[Obj].Kind == LocKind::Local && G.Locs[Obj].CleansUp)
      CS.ScopedBy = G.Locs[Obj].Name;
    // Or on such a local of the function that made the lambda, reached
    // through a capture by reference (`[&] { tasks.add(...); }`).
    else if (const VarDecl *V = capturedLocal(ThisArg);
             V && !ThisIsPointer && TU.Types.cleansUp(V->getType()))
      CS.ScopedBy = V->getNameAsString();
    // Or on an object placed in a local buffer and destroyed explicitly
    // later in the function (`doc->~Doc()`), or made by `new` and deleted
    // later (`delete q;`), by a destructor that does work.
    else if (ThisArg && ThisIsPointer && FD &&
             TU.Types.cleansUp(ThisArg->getType()->getPointeeType()))
      if (const VarDecl *V = destroyedExplicitlyAfter(
              FD->getBody(), ThisArg, Call, Ctx.getSourceManager()))
        CS.ScopedBy = "*" + V->getNameAsString();
  }
  std::vector<CallSite> Callables;
  // The callable std::invoke or std::apply calls, in Callables.
  int InvokedAt = -1;
  // The visitor's operators std::visit calls, in Callables.
  llvm::SmallVector<int, 4> VisitorAt;
  if (!shouldAnalyzeBody(TU, Callee)) {
    if (auto M = libraryModel(TU, Callee, NSlots, HasThis)) {
      // A thread created and joined in the same function does not outlive
      // it.
      if (Callee->getIdentifier() && Callee->getName() == "pthread_create" &&
          joinsThreads())
        for (ParamLeaks &P : M->Slots)
          P = ParamLeaks();
      // `memcpy(dst, chars, n)`: what a `void *` parameter points to is
      // only bytes when the argument was a char pointer. What a `const int
      // &` or `const std::string &` refers to holds no address either,
      // whatever merged node the argument was read from (`v.push_back(s.i)`).
      for (unsigned I = 0; I < Args.size() && I < NParams; ++I) {
        QualType PT = Callee->getParamDecl(I)->getType();
        unsigned Slot = (HasThis ? 1 : 0) + I;
        if (Slot >= M->Slots.size() ||
            !((PT->isVoidPointerType() &&
               pointsToChars(Args[I]->IgnoreParenImpCasts()->getType())) ||
              refersToNoAddress(PT)))
          continue;
        ParamLeaks &P = M->Slots[Slot];
        for (Leak *L : {&P.Heap, &P.Thread, &P.Coro, &P.Result})
          if (L->Level >= 1)
            *L = Leak();
        for (auto It = P.Content.begin(); It != P.Content.end();)
          It = It->second.Level >= 1 ? P.Content.erase(It) : std::next(It);
      }
      dropArgumentsOfInertParts(*M, Callee, Args.size(), TU.Types);
      if (M->Slots.size() > 1 && insertedKeyReplaced(Call, Callee))
        M->Slots[1] = ParamLeaks();
      CS.Model = static_cast<int>(G.Models.size());
      G.Models.push_back(std::move(*M));
      // The element it builds in place is built by its class's own
      // constructor.
      inPlaceConstructions(CS, Callee, Args, Callables);
    }
    // std::invoke, std::apply: what the call returns is what the callable
    // returns, not a copy of the arguments.
    CallSite Invoked;
    if (invokedCallable(CS, Callee, Args, Invoked)) {
      if (CS.Model >= 0)
        for (ParamLeaks &P : G.Models[CS.Model].Slots)
          P.Result = Leak();
      InvokedAt = static_cast<int>(Callables.size());
      Callables.push_back(std::move(Invoked));
    }
    // std::visit: what it returns is what the visitor's operators return
    // (and what they read of the variants), not a copy of the visitor.
    if (InvokedAt < 0) {
      size_t First = Callables.size();
      if (visitorCalls(CS, Callee, Args, Callables)) {
        if (CS.Model >= 0 && !G.Models[CS.Model].Slots.empty())
          G.Models[CS.Model].Slots[0].Result = Leak();
        for (size_t K = First; K < Callables.size(); ++K)
          VisitorAt.push_back(static_cast<int>(K));
      }
    }
    // The library calls the lambdas it is given (std::thread, algorithms):
    // their bodies' effects apply, with `this` the closure passed.
    for (unsigned I = 0; I < Args.size() && I < NParams; ++I) {
      const CXXRecordDecl *RD =
          Args[I]->getType().getNonReferenceType()->getAsCXXRecordDecl();
      unsigned Slot = (HasThis ? 1 : 0) + I;
      if (!RD || !RD->isLambda() || CS.Args[Slot] < 0 ||
          ((InvokedAt >= 0 || !VisitorAt.empty()) && I == 0))
        continue;
      const CXXMethodDecl *Op = RD->getLambdaCallOperator();
      if (!Op || Op->getDescribedFunctionTemplate())
        continue;
      bool Ref = Callee->getParamDecl(I)->getType()->isReferenceType();
      int This = CS.Args[Slot];
      if (!Ref) {
        This = newLoc(LocKind::Flow, "{temp}", Args[I]->getBeginLoc());
        flow(holeFor(This).shift(-1), CS.Args[Slot]);
      }
      CallSite In = innerCall(CS, Op, "lambda called by ");
      In.Args[0] = This;
      In.ArgContent[0] = Ref ? CS.ArgContent[Slot] : -1;
      if (CS.Model >= 0 && Slot < G.Models[CS.Model].Slots.size()) {
        const ParamLeaks &Kept = G.Models[CS.Model].Slots[Slot];
        In.LaterCall = Kept.Heap.present() || !Kept.Content.empty() ||
                       !Kept.FieldContent.empty();
      }
      captureArgs(In, Op, {});
      // The closure given by reference is the caller's object: its body's
      // reads of a capture (the captured `this` it calls a method on) are
      // of the caller's node for that capture, not the whole closure.
      if (Ref)
        fieldArgs(In, Op);
      Callables.push_back(std::move(In));
      TU.Enqueue(Op);
    }
  } else {
    const FunctionDecl *Def = nullptr;
    if (Callee->hasBody(Def))
      TU.Enqueue(Def);
    // A method handing its arguments on to one that builds an element in
    // place: the element's constructors run here, with the arguments seen.
    inPlaceConstructions(CS, Callee, Args, Callables);
    // A coroutine passed by address to a function of the program is called
    // there, through the pointer: its callers are in the program and it is
    // not judged at its signature (a call site without arguments).
    for (const Expr *A : Args) {
      const Expr *E = A->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(E);
          UO && UO->getOpcode() == UO_AddrOf)
        E = UO->getSubExpr()->IgnoreParenImpCasts();
      const auto *DRE = dyn_cast<DeclRefExpr>(E);
      const auto *Fn = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
      const FunctionDecl *FnDef = nullptr;
      if (!Fn || !Fn->hasBody(FnDef) || !shouldAnalyzeBody(TU, FnDef) ||
          !isa_and_nonnull<CoroutineBodyStmt>(FnDef->getBody()))
        continue;
      CallSite Passed;
      Passed.CalleeKey = declKey(FnDef, TU.Mangler.get());
      Passed.CalleeName = "coroutine passed to " + CS.CalleeName;
      Passed.Pos = pos(A->getBeginLoc());
      Passed.Spelling = text(A);
      Callables.push_back(std::move(Passed));
      TU.Enqueue(FnDef);
    }
  }
  // A function of the program, defined here or in another file, may hand
  // back an object it creates; so does an allocator's allocate().
  if ((!isInStd(Callee) && !TU.library(Callee->getLocation())) ||
      (CS.Model >= 0 && G.Models[CS.Model].ReturnsAlloc))
    freshObject(CS, Callee, Call);
  QualType RT = Callee->getReturnType();
  if (RT->isReferenceType() || TU.Types.mayHoldAddress(RT))
    CS.Result = newLoc(LocKind::Flow, "{temp}", Call->getExprLoc());
  if (InvokedAt >= 0)
    Callables[InvokedAt].Result = CS.Result;
  for (int K : VisitorAt)
    Callables[K].Result = CS.Result;
  CallIndex[Call] = static_cast<int>(G.Calls.size());
  if (!Callables.empty())
    CallablesOf[Call] = Callables.size();
  G.Calls.push_back(std::move(CS));
  int Result = G.Calls.back().Result;
  for (CallSite &In : Callables)
    G.Calls.push_back(std::move(In));
  return Result;
}

/// True if \p PT can hand a pointer back to the caller: `T **` or `T *&`
/// with a pointer the callee may re-point.
static bool outPointer(QualType PT) {
  if (PT->isRValueReferenceType())
    return false;
  QualType Pointee = PT->getPointeeType();
  return !Pointee.isNull() && !Pointee.isConstQualified() &&
         Pointee->isPointerType();
}

void FunctionBuilder::freshObject(CallSite &CS, const FunctionDecl *Callee,
                                  const Expr *Call) {
  unsigned First = CS.Method ? 1 : 0;
  // A pointer or a reference (`return *r;`, a builder handing back the
  // object it made and keeps), a standard smart pointer, or a class kept by
  // field that holds one (a smart pointer of the program returned by value).
  QualType RT = Callee->getReturnType();
  bool Out = RT->isPointerType() || RT->isReferenceType() ||
             (!RT->isDependentType() &&
              (splitFields(RT->getAsCXXRecordDecl()) ||
               TU.Types.classify(RT) == RecordClass::SmartPtr));
  for (unsigned I = 0; I < Callee->getNumParams() && !Out; ++I) {
    unsigned Slot = First + I;
    Out = Slot < CS.ArgContent.size() && CS.ArgContent[Slot] >= 0 &&
          outPointer(Callee->getParamDecl(I)->getType());
  }
  // The object the callee creates and hands back (`return new T;`,
  // `*out = new T;`, `return Ptr<T>{new T};`), when its summary says so
  // (FunctionSummary:: ReturnsAlloc, FreshOut): made by the call, like `new`
  // here.
  if (!Out)
    return;
  int A = newLoc(LocKind::Alloc, "object created by '" + CS.CalleeName + "'",
                 Call->getBeginLoc(), CurScope);
  Location &X = G.Locs[A];
  QualType Made = RT->isPointerType() || RT->isReferenceType()
                      ? RT->getPointeeType()
                  : TU.Types.classify(RT) == RecordClass::SmartPtr
                      ? firstTypeArg(RT->getAsCXXRecordDecl())
                      : QualType();
  X.CleansUp =
      !Made.isNull() && !Made->isDependentType() && TU.Types.cleansUp(Made);
  X.Unregisters = X.CleansUp && TU.Types.mayUnregister(Made);
  X.Alloc.Spelling = text(Call);
  X.Alloc.CustomAlloc = true; // not made here: never a stack candidate
  X.Size.Constant = false;
  CS.Fresh = A;
}

/// Whether \p FD moves its parameter \p P away or calls release() on it.
/// The constructor `std::make_unique<T>(args...)` and its kin call: the
/// one of the `new T(...)` in the body instantiated for these arguments.
static const CXXConstructorDecl *constructorMadeWith(const FunctionDecl *FD) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const CXXConstructorDecl *Ctor = nullptr;
    bool VisitCXXNewExpr(CXXNewExpr *NE) {
      if (const CXXConstructExpr *CE = NE->getConstructExpr())
        Ctor = CE->getConstructor();
      return !Ctor;
    }
  } F;
  if (const Stmt *Body = FD->getBody())
    F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Ctor;
}

/// True if the program's hand-written constructor \p Ctor (not a copy or a
/// move) binds each of \p Args to a parameter of the argument's own type,
/// by value or by reference: forwarded by `std::make_unique`, they reach it
/// unchanged.
static bool takesAsGiven(const CXXConstructorDecl *Ctor,
                         llvm::ArrayRef<const Expr *> Args) {
  if (isInStd(Ctor->getParent()) || Ctor->isCopyOrMoveConstructor() ||
      !Ctor->isUserProvided() || Args.size() != Ctor->getNumParams())
    return false;
  const ASTContext &Ctx = Ctor->getASTContext();
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType PT = Ctor->getParamDecl(I)->getType().getNonReferenceType();
    QualType AT = Args[I]->getType().getNonReferenceType();
    if (PT->isDependentType() || !Ctx.hasSameUnqualifiedType(PT, AT))
      return false;
  }
  return true;
}

/// True if each of \p Args initializes its parameter of the standard
/// class's constructor \p Ctor without a user-defined conversion: the same
/// class or a derived one, a pointer (a qualification or base conversion),
/// an arithmetic value. Its model then applies to them as they are.
static bool passesUnconverted(const CXXConstructorDecl *Ctor,
                              llvm::ArrayRef<const Expr *> Args) {
  if (Args.size() > Ctor->getNumParams())
    return false;
  auto Bare = [](QualType T) {
    return T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  };
  auto Scalar = [](QualType T) {
    return T->isArithmeticType() || T->isEnumeralType();
  };
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType PT = Bare(Ctor->getParamDecl(I)->getType());
    QualType AT = Bare(Args[I]->getType());
    if (PT->isDependentType())
      return false;
    if (PT == AT || (Scalar(PT) && Scalar(AT)) ||
        (PT->isPointerType() &&
         (AT->isPointerType() || AT->isArrayType() || AT->isNullPtrType())))
      continue;
    const CXXRecordDecl *P = PT->getAsCXXRecordDecl();
    const CXXRecordDecl *A = AT->getAsCXXRecordDecl();
    if (!P || !A || !A->hasDefinition() || !A->isDerivedFrom(P))
      return false;
  }
  return true;
}

/// True if parameter I of constructor Ctor keeps the address of what it is
/// bound to: `[[clang::lifetimebound]]`, or a gsl::Pointer built from a
/// gsl::Owner.
static bool keepsArgument(const CXXConstructorDecl *Ctor, unsigned I) {
  if (I >= Ctor->getNumParams())
    return false;
  const ParmVarDecl *P = Ctor->getParamDecl(I);
  if (!P->getType()->isReferenceType())
    return false;
  if (P->hasAttr<LifetimeBoundAttr>())
    return true;
  const CXXRecordDecl *Arg =
      P->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return Ctor->getParent()->hasAttr<PointerAttr>() && Arg &&
         Arg->hasAttr<OwnerAttr>();
}

static bool givesAway(const FunctionDecl *FD, const ParmVarDecl *P) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *P;
    bool Found = false;
    bool refersToP(const Expr *E) const {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return DRE && DRE->getDecl() == P;
    }
    bool VisitCallExpr(CallExpr *CE) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
        if (MC->getMethodDecl() && isNamed(MC->getMethodDecl(), {"release"}) &&
            refersToP(MC->getImplicitObjectArgument()))
          Found = true;
      } else if (const Expr *A = movedArgument(CE); A && refersToP(A)) {
        Found = true;
      }
      return !Found;
    }
  } F;
  F.P = P;
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *I : CD->inits())
      if (I->getInit())
        F.TraverseStmt(I->getInit());
  F.TraverseStmt(FD->getBody());
  return F.Found;
}

/// `makeUnique()->field`, `std::unique_ptr<T>(p).get()`: a temporary
/// std::unique_ptr destroys the object it owns at the end of the
/// full-expression, so a pointer or reference to that object is one into
/// the temporary; so does a by-value unique_ptr parameter when the function
/// returns. The owner's location, or -1.
int FunctionBuilder::uniqueTemporaryOwner(const Expr *Obj,
                                          const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!Obj || !MD || !isInStd(MD) || MD->getParent()->getName() != "unique_ptr")
    return -1;
  if (MD->getOverloadedOperator() != OO_Arrow &&
      MD->getOverloadedOperator() != OO_Star &&
      MD->getOverloadedOperator() != OO_Subscript && !isNamed(MD, {"get"}))
    return -1;
  // IgnoreParenImpCasts would skip the materialization too.
  while (isa<ImplicitCastExpr, ParenExpr>(Obj))
    Obj = isa<ParenExpr>(Obj) ? cast<ParenExpr>(Obj)->getSubExpr()
                              : cast<ImplicitCastExpr>(Obj)->getSubExpr();
  // A by-value parameter owns its object until the function returns,
  // unless the function gives it away (std::move, release()).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj)) {
    const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
    if (!P || P->getType()->isReferenceType() || !FD || !this->FD ||
        givesAway(this->FD, P))
      return -1;
    return varLoc(P);
  }
  const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Obj);
  if (!MTE || MTE->getStorageDuration() != SD_FullExpression)
    return -1;
  auto It = TempOfMTE.find(MTE);
  return It == TempOfMTE.end() ? -1 : It->second;
}

void FunctionBuilder::call(const Hole &K, const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  const Expr *Obj = nullptr;
  bool ObjIsPointer = false;
  bool Virtual = false;
  llvm::SmallVector<const Expr *, 8> Args;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    FD = MC->getMethodDecl();
    Obj = MC->getImplicitObjectArgument();
    if (const auto *ME =
            dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens())) {
      ObjIsPointer = ME->isArrow();
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
        Virtual = MD->isVirtual() && !ME->hasQualifier() &&
                  !MD->hasAttr<FinalAttr>() &&
                  !MD->getParent()->hasAttr<FinalAttr>();
      // A local object's dynamic type is its declared type.
      if (Virtual && !ObjIsPointer)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (!VD->getType()->isReferenceType() &&
                VD->getType()->isRecordType())
              Virtual = false;
    } else if (Obj) {
      ObjIsPointer = Obj->getType()->isPointerType();
    }
    for (const Expr *A : MC->arguments())
      Args.push_back(A);
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
             OC && isa_and_nonnull<CXXMethodDecl>(FD) &&
             cast<CXXMethodDecl>(FD)->isInstance()) {
    Obj = OC->getArg(0);
    for (unsigned I = 1; I < OC->getNumArgs(); ++I)
      Args.push_back(OC->getArg(I));
  } else {
    for (const Expr *A : CE->arguments())
      Args.push_back(A);
  }
  if (!FD)
    FD = staticTarget(CE->getCallee());
  if (!FD) {
    // Through a function pointer or member pointer: an unknown callee keeps
    // whatever it is given, as a maybe.
    expr(Hole(), CE->getCallee());
    QualType CT = CE->getCallee()->getType();
    if (const auto *PT = CT->getAs<PointerType>())
      CT = PT->getPointeeType();
    const auto *Proto = CT->getAs<FunctionProtoType>();
    for (unsigned I = 0; I < Args.size(); ++I) {
      const Expr *A = Args[I];
      // A reference parameter receives the argument's address.
      bool Ref = Proto && I < Proto->getNumParams() &&
                 Proto->getParamType(I)->isReferenceType() && A->isGLValue();
      if (!Ref && !TU.Types.mayHoldAddress(A->getType()) && !A->isGLValue()) {
        expr(Hole(), A);
        continue;
      }
      Hole H = heapHole().note(note("call parameter (via unknown callee)", CE));
      H.Maybe = true;
      expr(Ref ? H.shift(-1) : H, A);
    }
    return;
  }
  // Identity functions need no call site.
  if (Args.size() == 1 && !Obj &&
      ((isInStd(FD) && isNamed(FD, {"move", "forward", "as_const",
                                    "move_if_noexcept", "launder"})) ||
       isMoveFunction(FD))) {
    // A smart pointer moved from no longer owns its object.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Args[0]->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (TU.Types.classify(VD->getType()) == RecordClass::SmartPtr &&
            !VD->getType()->isReferenceType() && !isa<ParmVarDecl>(VD))
          G.Locs[varLoc(VD)].SmartOwner = false;
    return expr(K, Args[0]);
  }
  // Allocation functions create an allocation site.
  bool StdMake = isInStd(FD) &&
                 isNamed(FD, {"make_unique", "make_shared", "allocate_shared",
                              "make_unique_for_overwrite"});
  bool CAlloc = !StdMake && isCFunction(FD) &&
                isNamed(FD, {"malloc", "calloc", "aligned_alloc", "strdup",
                             "realloc", "strndup"});
  if (StdMake || CAlloc) {
    QualType T;
    std::string What;
    if (StdMake) {
      if (const TemplateArgumentList *TA = FD->getTemplateSpecializationArgs())
        if (TA->size() > 0 && TA->get(0).getKind() == TemplateArgument::Type)
          T = TA->get(0).getAsType();
      What = "std::" + FD->getNameAsString() + "<" +
             (T.isNull() ? std::string("?")
                         : T.getAsString(Ctx.getPrintingPolicy())) +
             ">";
    } else {
      What = FD->getNameAsString() + "(...)";
    }
    const Expr *SizeE = nullptr;
    bool ArrayMake = !T.isNull() && T->isArrayType();
    int A;
    if (StdMake) {
      A = allocSite(CE, ArrayMake ? QualType() : T, What);
      if (ArrayMake)
        G.Locs[A].Size.Constant = false;
      // The program's constructor, given the arguments as they are, runs
      // on the new object as for `new T(args...)`: what it keeps, the
      // object holds; so does a standard class's, whose model says what
      // it keeps (`std::string(p, n)` copies the characters). Otherwise (a
      // conversion on the way) the object holds what its arguments hold.
      const CXXConstructorDecl *Ctor = constructorMadeWith(FD);
      const CXXRecordDecl *Made =
          T.isNull() ? nullptr : T->getAsCXXRecordDecl();
      if (!Ctor && Made && isInStd(Made))
        Ctor = libraryConstructorRun(FD, Made);
      bool Runs =
          Ctor && (isInStd(Ctor->getParent()) ? passesUnconverted(Ctor, Args)
                                              : takesAsGiven(Ctor, Args));
      // make_shared builds the object deep in the library: the one
      // constructor of T that takes the arguments as they are.
      if (!Ctor && !T.isNull())
        if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
            RD && (RD = RD->getDefinition()))
          for (const CXXConstructorDecl *C : RD->ctors())
            if (takesAsGiven(C, Args)) {
              Runs = !Ctor; // more than one: not decided here
              if (Ctor) {
                Ctor = nullptr;
                break;
              }
              Ctor = C;
            }
      if (Runs) {
        callSite(Ctor, CE, nullptr, false, Args, A, false);
      } else {
        for (unsigned I = 0; I < Args.size(); ++I) {
          // A view built from an owner views the owner itself.
          // (`make_unique<std::string_view>(s)` converts `s` first.)
          bool ViewParam =
              Ctor && I < Ctor->getNumParams() &&
              !Ctor->getParamDecl(I)->getType()->isReferenceType() &&
              TU.Types.classify(Ctor->getParamDecl(I)->getType()) ==
                  RecordClass::View;
          bool Views = (ViewParam || (!T.isNull() && TU.Types.classify(T) ==
                                                         RecordClass::View)) &&
                       TU.Types.isOwner(Args[I]->getType());
          // An array reaches the constructor by reference, or decayed to
          // its address.
          bool Array = Args[I]->getType()->isArrayType();
          Hole H = holeFor(A).note(note("constructor argument", CE));
          expr(Views || Array ? H.shift(-1) : H, Args[I]);
        }
      }
      // What the constructor keeps the address of, the object holds.
      if (Ctor)
        for (unsigned I = 0; I < Args.size(); ++I)
          if (keepsArgument(Ctor, I))
            expr(holeFor(A).shift(-1, note("constructor argument", CE)),
                 Args[I]);
    } else {
      A = allocSite(CE, QualType(), What);
      G.Locs[A].Size.Constant = false;
      if (isNamed(FD, {"malloc"}) && !Args.empty())
        SizeE = Args[0];
      if (SizeE) {
        Expr::EvalResult R;
        if (!SizeE->isValueDependent() && SizeE->EvaluateAsInt(R, Ctx)) {
          G.Locs[A].Size.Bytes = R.Val.getInt().getLimitedValue();
          G.Locs[A].Size.Constant = true;
        }
      }
      for (const Expr *Arg : Args)
        expr(Hole(), Arg);
      G.Locs[A].Alloc.CustomAlloc = !isNamed(FD, {"malloc", "calloc"});
    }
    AllocOfCall[CE] = A;
    flow(K.shift(-1, note(StdMake ? "allocation" : "malloc", CE)), A);
    return;
  }
  if (isCFunction(FD) && isNamed(FD, {"free"}) && Args.size() == 1) {
    releaseOf(Args[0], CE);
    return;
  }
  // A smart pointer giving up ownership.
  if (Obj && isNamed(FD, {"release"}) &&
      TU.Types.classify(Obj->getType()) == RecordClass::SmartPtr)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        Released.insert(VD);
        G.Locs[varLoc(VD)].SmartOwner = false;
      }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isInstance() && MD->getOverloadedOperator() == OO_Equal &&
        TU.Types.classify(MD->getParent()) == RecordClass::Erased &&
        !Args.empty())
      typeErasureOf(MD->getParent(), Args[0], CE);
  // The exact class of the object: a local of class type, or `this` in a
  // copy lowered for a known class. A virtual call then goes to that
  // class's overrider, and an inherited method runs as a copy for it.
  const CXXRecordDecl *Dyn = nullptr;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
      MD && MD->isInstance() && Obj && !isa<CXXConstructorDecl>(MD) &&
      !isa<CXXDestructorDecl>(MD)) {
    const Expr *O = Obj->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(O); DRE && !ObjIsPointer) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && !VD->getType()->isReferenceType() &&
          !(IsLambdaBody && DRE->refersToEnclosingVariableOrCapture()))
        Dyn = VD->getType()->getAsCXXRecordDecl();
    } else if (isa<CXXThisExpr>(O) && !IsLambdaBody) {
      Dyn = DynamicThis;
    }
    if (Dyn)
      Dyn = Dyn->getDefinition();
    if (Dyn &&
        (!Dyn->isPolymorphic() ||
         (Dyn != MD->getParent() && !Dyn->isDerivedFrom(MD->getParent()))))
      Dyn = nullptr;
    if (Dyn && Virtual)
      if (const CXXMethodDecl *Over = MD->getCorrespondingMethodInClass(Dyn);
          Over && Over->isDefined()) {
        FD = Over;
        Virtual = false;
      }
    if (Dyn && Dyn == cast<CXXMethodDecl>(FD)->getParent())
      Dyn = nullptr; // the method is the class's own: the general graph
  }
  int R = callSite(FD, CE, Obj, ObjIsPointer, Args, -1, Virtual);
  registryRelease(CE, FD);
  // The compiler's assignment of a class whose constructor keeps an address
  // by annotation copies what it cannot see: the object whole.
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
      MD && Obj && !ObjIsPointer && MD->isDefaulted() &&
      (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) &&
      TU.Types.holdsOnlyByAnnotation(MD->getParent()))
    if (auto It = CallIndex.find(CE); It != CallIndex.end())
      if (int From = G.Calls[It->second].ArgContent[1]; From >= 0)
        flow(lvalueHole(Obj).note(note("copy", CE)), From);
  // Memory an allocation function hands out is an allocation of this
  // function's, not the heap: what is placed in it lives as long as the
  // address of the allocation reaches nothing that outlives the locals.
  // The call's result is that memory and nothing else (a pool or free list
  // it comes from is the allocator's business).
  if (R >= 0 && handsOutMemory(FD)) {
    int A = allocSite(CE, QualType(), FD->getNameAsString() + "(...)");
    G.Locs[A].Size.Constant = false;
    G.Locs[A].Alloc.CustomAlloc = true;
    AllocOfCall[CE] = A;
    flow(K.shift(-1, note("allocation", CE)), A);
    R = -1;
  }
  // Memory given back to its allocator: the call keeps nothing of what
  // lived there.
  if (givesBackMemory(FD))
    if (auto It = CallIndex.find(CE); It != CallIndex.end()) {
      CallSite &C = G.Calls[It->second];
      unsigned First = C.Method ? 1 : 0;
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        if (First + I < C.Args.size() &&
            isRawMemory(FD->getParamDecl(I)->getType())) {
          C.Args[First + I] = -1;
          C.ArgContent[First + I] = CallSite::NoObject;
        }
    }
  if (Dyn)
    if (auto It = CallIndex.find(CE); It != CallIndex.end() &&
                                      G.Calls[It->second].Model < 0 &&
                                      shouldAnalyzeBody(TU, FD)) {
      G.Calls[It->second].CalleeKey = dynamicKey(FD, Dyn, TU.Mangler.get());
      TU.EnqueueAs(FD, Dyn);
    }
  // `member = view;` through a class's operator=: a store a later
  // assignment of the member may undo ("set, use, clear"), as for `=`.
  // So is a global of class type given a new value (`gs = shared_ptr(..)`).
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
      OC && OC->getOperator() == OO_Equal && Obj) {
    const ValueDecl *Target = nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(Obj->IgnoreParenImpCasts()))
      Target = ME->getMemberDecl();
    else if (const auto *DRE =
                 dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()))
      Target = dyn_cast<VarDecl>(DRE->getDecl());
    if (auto It = CallIndex.find(CE); Target && It != CallIndex.end()) {
      int Store = G.Calls[It->second].ArgContent[0];
      if (Store >= 0 && G.Locs[Store].Kind == LocKind::GlobalStore)
        GlobalStores[CE] = {Store, Target};
    }
  }
  if (R < 0)
    return;
  if (int T = uniqueTemporaryOwner(Obj, FD); T >= 0)
    flow(holeFor(R).shift(-1, note("owned by the temporary", CE)), T);
  if (!K.discard() && K.Derefs == 0 && !FD->getReturnType()->isReferenceType())
    if (auto It = CallIndex.find(CE); It != CallIndex.end())
      resultFields(It->second, K.Dst);
  if (FD->getReturnType()->isReferenceType())
    flow(K.shift(1, note("reference result", CE)), R);
  else
    flow(K, R);
}

void FunctionBuilder::registryRelease(const CallExpr *CE,
                                      const FunctionDecl *FD) {
  // A method putting what it is given into a global container, of a class
  // whose destructor takes elements out of it again (a small vector whose
  // allocator tracks its live elements, an object registering itself): a
  // registry whose entries last while the object lives. What the call
  // stores there is a maybe.
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  const CXXDestructorDecl *Dtor = MD && !isa<CXXDestructorDecl>(MD)
                                      ? MD->getParent()->getDestructor()
                                      : nullptr;
  auto It = CallIndex.find(CE);
  if (!Dtor || !Dtor->hasBody() || It == CallIndex.end() ||
      !G.Calls[It->second].ReleasedBy.empty())
    return;
  auto [E, New] = TU.DestructorErases.try_emplace(Dtor);
  if (New)
    E->second = globalContainersChanged(Dtor, {"erase", "remove"}, TU);
  if (E->second.empty())
    return;
  auto [P, NewP] = TU.PutsIntoGlobals.try_emplace(MD);
  if (NewP)
    P->second = globalContainersChanged(
        MD, {"insert", "emplace", "push_back", "push_front", "emplace_back"},
        TU);
  if (llvm::any_of(P->second, [&](const VarDecl *V) {
        return llvm::is_contained(E->second, V);
      }))
    G.Calls[It->second].ReleasedBy = Dtor->getQualifiedNameAsString();
}

bool FunctionBuilder::copyFieldwise(const Hole &K, const CXXRecordDecl *RD,
                                    const Expr *Src, const Expr *CE) {
  // A copy of what a reference parameter refers to, or of a base of it
  // (the base initializer of a copy constructor), copies each field the
  // class has: a field of the parameter's object, not all it holds (its
  // other parts may point into themselves, as a small vector's inline
  // buffer does).
  const auto *Fields = splitFields(RD);
  int Slot = Fields && !K.discard() && K.Derefs == 0
                 ? paramSlotOf(Src->IgnoreParenImpCasts(), /*Arrow=*/false)
                 : -1;
  if (Slot < 0)
    return false;
  for (const FieldDecl *F : *Fields)
    if (int N = fieldSource(Slot, F); N >= 0)
      flow(fieldHole(K, F).note(note("copy", CE)), N);
  return true;
}

void FunctionBuilder::construct(const Hole &K, const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor)
    return exprChildren(CE);

  // An elidable copy or move of a temporary (C++14's `return T(x);`):
  // compilers elide it, as C++17 requires, and the temporary is built where
  // the copy would be; what its constructor stores of `this` is the copy's.
  if (CE->isElidable() && CE->getNumArgs() > 0)
    if (const auto *MTE =
            dyn_cast<MaterializeTemporaryExpr>(CE->getArg(0)->IgnoreParens()))
      return expr(K, MTE->getSubExpr());
  const CXXRecordDecl *RD = Ctor->getParent();
  // Trivial or defaulted copies and moves copy the fields.
  if ((Ctor->isCopyOrMoveConstructor() &&
       (Ctor->isTrivial() ||
        (Ctor->isDefaulted() && !runsHandWrittenCopy(Ctor)) ||
        RD->isLambda())) ||
      (Ctor->isCopyOrMoveConstructor() && isInStd(RD) &&
       TU.Types.classify(RD) != RecordClass::Erased)) {
    if (CE->getNumArgs() > 0 && !copyFieldwise(K, RD, CE->getArg(0), CE))
      expr(K.note(note("copy", CE)), CE->getArg(0));
    return;
  }
  if (CE->getNumArgs() == 0 && Ctor->isTrivial())
    return;
  if (TU.Types.classify(RD) == RecordClass::Erased && CE->getNumArgs() == 1)
    typeErasureOf(RD, CE->getArg(0), CE);
  llvm::SmallVector<const Expr *, 8> Args(CE->arguments());
  int Dest = -1;
  if (!K.discard() && K.Derefs == 0) {
    LocKind DK = G.Locs[K.Dst].Kind;
    const Location &D = G.Locs[K.Dst];
    // A split object's whole-store node; *this for a base initializer; the
    // returned object (`return {name, arg};` with a constructor).
    bool Result = DK == LocKind::Result && D.Field.empty() && ResultRecord &&
                  RD->getDefinition() == ResultRecord;
    // A member initializer constructs the member where it lives: the
    // constructor's stores of the member's own address (`tail = &head`)
    // stay the member's own address, not a copy's.
    bool Member = DK == LocKind::ParamContent && D.Slot == ThisSlot &&
                  !D.Field.empty() && !IsLambdaBody &&
                  isa_and_nonnull<CXXConstructorDecl>(FD);
    bool Whole = D.Field.empty() &&
                 (D.Parent >= 0 || (DK == LocKind::ParamContent &&
                                    D.Slot == ThisSlot && !IsLambdaBody));
    // A split object of this very class, reached through an initializer
    // (`Outer o{Inner(&x)}`): built where it lives, so that what the
    // constructor stores into one field stays in that field.
    auto Split = D.Parent >= 0 ? Splits.find(D.Parent) : Splits.end();
    bool SplitHere = Whole && Split != Splits.end() &&
                     Split->second.Record == RD->getDefinition();
    if ((K.Notes.empty() && (DK == LocKind::Local || DK == LocKind::Temporary ||
                             DK == LocKind::Alloc || Whole)) ||
        Result || Member || SplitHere)
      Dest = K.Dst;
  }
  bool InPlace = Dest >= 0;
  // A standard object built empty (`return nullptr;` or `return {};` from a
  // function returning a smart pointer) holds nothing, rather than a value
  // nothing explains, which callers would take for anything.
  if (!InPlace && isInStd(RD) && llvm::all_of(Args, [&](const Expr *A) {
        return A->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNull);
      }))
    return;
  if (!InPlace)
    Dest = newLoc(LocKind::Flow, "{temp}", CE->getBeginLoc());
  callSite(Ctor, CE, nullptr, false, Args, Dest, false);
  if (InPlace && G.Locs[Dest].Kind == LocKind::Result)
    if (auto It = CallIndex.find(CE); It != CallIndex.end())
      G.Calls[It->second].ObjectNotes = K.Notes;
  if (!InPlace)
    flow(K, Dest);
}

/// Go's ReassignOracle: a function pointer variable that is never assigned
/// after its initialization to a function calls that function.
const FunctionDecl *FunctionBuilder::staticTarget(const Expr *Callee) {
  Callee = Callee->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Callee))
    if (UO->getOpcode() == UO_Deref)
      Callee = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Callee);
  if (!DRE)
    return nullptr;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || Reassigned.count(VD) || !VD->getInit() ||
      !VD->getType()->isPointerType() ||
      (VD->hasGlobalStorage() && !VD->getType().isConstQualified()))
    return nullptr;
  const Expr *Init = VD->getInit()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Init))
    if (UO->getOpcode() == UO_AddrOf)
      Init = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *F = dyn_cast<DeclRefExpr>(Init))
    return dyn_cast<FunctionDecl>(F->getDecl());
  return nullptr;
}

bool FunctionBuilder::joinsThreads() {
  if (!FD)
    return false; // a global's initializer
  if (JoinsThreadsCache < 0) {
    struct Finder : RecursiveASTVisitor<Finder> {
      bool Found = false;
      bool VisitCallExpr(CallExpr *CE) {
        if (const FunctionDecl *F = CE->getDirectCallee())
          if (F->getIdentifier() && F->getName() == "pthread_join")
            Found = true;
        return !Found;
      }
    } F;
    F.TraverseStmt(FD->getBody());
    JoinsThreadsCache = F.Found;
  }
  return JoinsThreadsCache == 1;
}

/// A condition that reads an atomic (`while (!done.load())`, `while
/// (!flag)` on a std::atomic<bool>).
static bool readsAtomic(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const auto *RD = E->getType()->getAsCXXRecordDecl();
        RD && RD->getIdentifier() && RD->getName().contains("atomic"))
      return true;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = CE->getDirectCallee();
        F && F->getIdentifier() && F->getName().starts_with("atomic_load"))
      return true;
  for (const Stmt *C : S->children())
    if (readsAtomic(C))
      return true;
  return false;
}

bool FunctionBuilder::waitsForThreads() {
  // A loop polling an atomic flag, or a wait on a condition variable,
  // future, latch or event: the threads this function starts may well be
  // waited for (which of them, and whether on every path, is not known).
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool shouldVisitLambdaExpressions() const { return false; }
    bool VisitWhileStmt(WhileStmt *S) { return check(S->getCond()); }
    bool VisitDoStmt(DoStmt *S) { return check(S->getCond()); }
    bool VisitForStmt(ForStmt *S) { return check(S->getCond()); }
    bool check(const Expr *Cond) {
      Found |= readsAtomic(Cond);
      return !Found;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *CE) {
      const CXXMethodDecl *MD = CE->getMethodDecl();
      if (MD && MD->getIdentifier()) {
        llvm::StringRef N = MD->getName();
        const CXXRecordDecl *RD = MD->getParent();
        Found |=
            N == "wait" || N == "wait_for" || N == "wait_until" ||
            N == "Wait" || N == "WaitFor" || N == "WaitUntil" ||
            N == "arrive_and_wait" ||
            // A future's get() blocks until the work sets its value.
            (N == "get" && RD->getIdentifier() && isInStd(RD) &&
             (RD->getName() == "future" || RD->getName() == "shared_future"));
      }
      return !Found;
    }
  } F;
  F.TraverseStmt(FD->getBody());
  return F.Found;
}

int FunctionBuilder::destructorCall(const CXXRecordDecl *RD, SourceLocation At,
                                    std::string Spelling) {
  RD = RD ? RD->getDefinition() : nullptr;
  const CXXDestructorDecl *DD = RD ? RD->getDestructor() : nullptr;
  if (!DD || !DD->isUserProvided() || isInStd(RD))
    return -1;
  // Nothing flows through it: its callee's summary only says whether
  // destroying the object waits for its work.
  CallSite CS;
  CS.CalleeKey = declKey(DD, TU.Mangler.get());
  CS.CalleeName = DD->getQualifiedNameAsString();
  CS.Pos = pos(At);
  CS.Spelling = std::move(Spelling);
  CS.Method = true;
  CS.Virtual = DD->isVirtual();
  CS.Args.assign(1, -1);
  CS.ArgContent.assign(1, -1);
  CS.ArgConst.assign(1, -1);
  CS.ArgParam.assign(1, -1);
  const FunctionDecl *Def = nullptr;
  if (DD->hasBody(Def))
    TU.Enqueue(Def);
  G.Calls.push_back(std::move(CS));
  return static_cast<int>(G.Calls.size()) - 1;
}

void FunctionBuilder::deleteExpr(const CXXDeleteExpr *DE) {
  releaseOf(DE->getArgument(), DE);
}

void FunctionBuilder::releaseOf(const Expr *Ptr, const Expr *At) {
  unsigned Offset = pos(At->getBeginLoc()).Offset;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Ptr->IgnoreParenCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Deleted.push_back({VD, LoopDepth > 0, CurScope, Offset});
  freeSite(Ptr, At);
}

void FunctionBuilder::typeErasureOf(const CXXRecordDecl *Erased,
                                    const Expr *Arg, const Expr *At) {
  QualType F = Arg->getType().getNonReferenceType().getUnqualifiedType();
  if (F.isNull() || F->isDependentType() || F->isIncompleteType() ||
      F->isUndeducedType() || F->containsErrors())
    return;
  const CXXRecordDecl *FRD = F->getAsCXXRecordDecl();
  if (FRD && FRD->getCanonicalDecl() == Erased->getCanonicalDecl())
    return; // a copy or move of the wrapper itself
  if (F->isPointerType() || F->isMemberPointerType() || F->isNullPtrType() ||
      F->isFunctionType())
    return;
  if (FRD && isInStd(FRD) && FRD->getIdentifier() &&
      (FRD->getName() == "nullptr_t" || FRD->getName() == "in_place_type_t"))
    return;
  llvm::StringRef Name =
      Erased->getIdentifier() ? Erased->getName() : llvm::StringRef();
  bool LibCxx = false;
  for (const DeclContext *DC = Erased->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->getName() == "__1")
        LibCxx = true;
  uint64_t Size = Ctx.getTypeSizeInChars(F).getQuantity();
  uint64_t Align = Ctx.getTypeAlignInChars(F).getQuantity();
  bool Trivial = F.isTriviallyCopyableType(Ctx);
  bool NothrowMove = Trivial;
  if (FRD && !NothrowMove) {
    NothrowMove = true;
    for (const CXXConstructorDecl *C : FRD->ctors())
      if (C->isMoveConstructor() ||
          (C->isCopyConstructor() && !FRD->hasMoveConstructor())) {
        const auto *FPT = C->getType()->getAs<FunctionProtoType>();
        // An implicit member's exception specification is computed only
        // when Sema needs it (canThrow() on it is undefined): a defaulted
        // move is taken as noexcept, as it almost always is.
        if (FPT && isUnresolvedExceptionSpec(FPT->getExceptionSpecType()))
          continue;
        if (!FPT || !FPT->isNothrow())
          NothrowMove = false;
      }
  }
  bool Local;
  uint64_t Buffer;
  if (Name == "any") {
    Buffer = LibCxx ? 3 * 8 : 8;
    Local = NothrowMove && Size <= Buffer && Align <= 8;
  } else if (Name == "function") {
    Buffer = LibCxx ? 3 * 8 : 16;
    Local = (LibCxx ? NothrowMove : Trivial) && Size <= Buffer && Align <= 8;
  } else if (Name == "move_only_function" || Name == "copyable_function") {
    Buffer = 3 * 8;
    Local = NothrowMove && Size <= Buffer && Align <= 8;
  } else {
    return;
  }
  if (Local)
    return;
  FunctionGraph::LocalFinding LF;
  LF.Check = "escape-type-erasure";
  // The type as the user wrote it, without the library's spelling of it
  // (`typename std::remove_reference<T &>::type` from std::move).
  QualType Shown = F;
  for (int Steps = 0; Steps < 8; ++Steps) {
    const auto *TT = dyn_cast<TypedefType>(Shown.getTypePtr());
    bool Library = isTypenameSpelling(Shown.getTypePtr()) ||
                   isa<SubstTemplateTypeParmType>(Shown.getTypePtr()) ||
                   (TT && isInStd(TT->getDecl()) &&
                    isa<CXXRecordDecl>(TT->getDecl()->getDeclContext()));
    if (!Library)
      break;
    Shown = Shown.getSingleStepDesugaredType(Ctx);
  }
  std::string FName =
      FRD && FRD->isLambda()
          ? "lambda expression"
          : "'" + Shown.getAsString(Ctx.getPrintingPolicy()) + "'";
  std::string Why =
      Size > Buffer ? std::to_string(Size) + " bytes exceed the " +
                          std::to_string(Buffer) + "-byte local buffer"
      : (Name == "function" && !LibCxx) ? "it is not trivially copyable"
                                        : "it is not nothrow-movable";
  LF.Message = "conversion of " + FName + " to std::" + Name.str() +
               " allocates on the heap (" + Why + ")";
  LF.Subject = FName;
  LF.Pos = pos(At->getBeginLoc());
  G.Local.push_back(std::move(LF));
}

} // namespace escape
