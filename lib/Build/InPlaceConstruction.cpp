//===- InPlaceConstruction.cpp - Elements built by their own constructors -===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// `v.emplace_back(args...)`, `m.try_emplace(k, args...)`, `v.push_back(x)`,
// `std::pair<A, B> p(a, b)`: the library builds an object in place from the
// arguments, and the model of the call (LibraryModels.cpp) copies what the
// arguments hold into the container, field by field. When the element is
// of a class of the program, the constructor that runs is the program's:
// a copy constructor that copies only some fields, or sets a field to the
// new object's own address (`alive_(this)`), keeps nothing else of its
// source; a converting constructor may keep the address of its argument
// (`Ref(int &x) : p(&x)`). So the constructors of the program's classes
// the instantiated library body runs are found (a few calls deep, through
// the library's own helpers: allocator_traits::construct, std::pair's
// piecewise constructor), each is called at the call site with the
// arguments it is built from, the element inside the container as `this`,
// and the model's copy of those arguments is dropped.
//
// The element's own address is not the address of anything the caller
// names: the container owns the storage it lives in.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"
#include "HandWrittenCopy.h"
#include "InitializerList.h"
#include "MoveFunction.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace escape {

namespace {

/// The constructors a library body runs: those of the program's classes
/// (or, given \p Of, those of that library class), and library functions to
/// look into next.
struct ConstructorFinder : RecursiveASTVisitor<ConstructorFinder> {
  llvm::SmallVectorImpl<const CXXConstructorDecl *> &Found;
  const CXXRecordDecl *Of;
  llvm::SmallVector<const FunctionDecl *, 8> Next;

  explicit ConstructorFinder(
      llvm::SmallVectorImpl<const CXXConstructorDecl *> &Found,
      const CXXRecordDecl *Of = nullptr)
      : Found(Found), Of(Of) {}

  void next(const FunctionDecl *F) {
    const FunctionDecl *Def = nullptr;
    if (F && isInStd(F) && F->hasBody(Def))
      Next.push_back(Def);
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *K = CE->getConstructor();
    if (!K)
      return true;
    const SourceManager &SM = K->getASTContext().getSourceManager();
    if (Of) {
      if (K->getParent()->getCanonicalDecl() != Of->getCanonicalDecl())
        next(K);
      else if (!llvm::is_contained(Found, K))
        Found.push_back(K);
    } else if (isInStd(K))
      next(K);
    else if ((K->isUserProvided() || runsHandWrittenCopy(K)) &&
             !K->getParent()->isLambda() &&
             !SM.isInSystemHeader(SM.getExpansionLoc(K->getLocation())) &&
             !llvm::is_contained(Found, K))
      Found.push_back(K);
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    next(CE->getDirectCallee());
    return true;
  }
};

/// The program's user-provided constructors the body of library function
/// \p Lib runs, itself or through the library functions it calls.
void constructorsRun(const FunctionDecl *Lib,
                     llvm::SmallVectorImpl<const CXXConstructorDecl *> &Out,
                     const CXXRecordDecl *Of = nullptr) {
  llvm::SmallVector<const FunctionDecl *, 8> Level{Lib};
  llvm::SmallPtrSet<const FunctionDecl *, 32> Seen{Lib};
  for (int Depth = 0; Depth < 8 && !Level.empty(); ++Depth) {
    llvm::SmallVector<const FunctionDecl *, 8> Deeper;
    for (const FunctionDecl *F : Level) {
      const FunctionDecl *Def = nullptr;
      if (!F->hasBody(Def))
        continue;
      ConstructorFinder Finder(Out, Of);
      if (const auto *CD = dyn_cast<CXXConstructorDecl>(Def))
        for (const CXXCtorInitializer *I : CD->inits())
          if (I->getInit())
            Finder.TraverseStmt(I->getInit());
      Finder.TraverseStmt(Def->getBody());
      for (const FunctionDecl *N : Finder.Next)
        if (Seen.insert(N).second)
          Deeper.push_back(N);
    }
    Level = std::move(Deeper);
  }
}

QualType bareType(QualType T) {
  return T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
}

/// Whether an object of type \p From can initialize a parameter of type
/// \p To without a user conversion: the same type, a derived class, or
/// two arithmetic types.
bool initializes(QualType From, QualType To) {
  From = bareType(From);
  To = bareType(To);
  if (From == To)
    return true;
  if ((From->isArithmeticType() || From->isEnumeralType()) &&
      (To->isArithmeticType() || To->isEnumeralType()))
    return true;
  const CXXRecordDecl *F = From->getAsCXXRecordDecl();
  const CXXRecordDecl *T = To->getAsCXXRecordDecl();
  return F && T && F->hasDefinition() && F->isDerivedFrom(T);
}

/// The element types of std::tuple type \p T (a std::forward_as_tuple's
/// references); false for anything else.
bool tupleTypes(QualType T, llvm::SmallVectorImpl<QualType> &Out) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "tuple")
    return false;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Pack) {
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type)
          Out.push_back(P.getAsType());
        else
          return false;
      continue;
    }
    if (A.getKind() != TemplateArgument::Type)
      return false;
    Out.push_back(A.getAsType());
  }
  return true;
}

} // namespace

const CXXConstructorDecl *libraryConstructorRun(const FunctionDecl *Lib,
                                                const CXXRecordDecl *Of) {
  llvm::SmallVector<const CXXConstructorDecl *, 4> Found;
  constructorsRun(Lib, Found, Of);
  return Found.size() == 1 ? Found.front() : nullptr;
}

/// The `std::forward_as_tuple(...)` call \p E is, or null.
static const CallExpr *forwardAsTupleCall(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && CE->getNumArgs() == 1)
    E = CE->getArg(0)->IgnoreImplicit();
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  if (!F || !isInStd(F) || !F->getIdentifier() ||
      F->getName() != "forward_as_tuple")
    return nullptr;
  return Call;
}

const CallSite *FunctionBuilder::forwardedTuple(const Expr *E) const {
  const CallExpr *Call = forwardAsTupleCall(E);
  auto It = Call ? CallIndex.find(Call) : CallIndex.end();
  if (It == CallIndex.end() || It->second >= static_cast<int>(G.Calls.size()))
    return nullptr;
  return &G.Calls[It->second];
}

/// The parameter of \p F that \p E names, through `std::forward<T>(x)`
/// or `std::move(x)` and a copy of it (a tuple of references taken by
/// value), or null.
static const ParmVarDecl *forwardedParam(const Expr *E, const FunctionDecl *F) {
  E = E->IgnoreImplicit();
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(E);
      Copy && Copy->getNumArgs() == 1 &&
      Copy->getConstructor()->isCopyOrMoveConstructor())
    E = Copy->getArg(0)->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const Expr *A = movedArgument(CE);
    if (!A)
      return nullptr;
    E = A->IgnoreImplicit();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return P && llvm::is_contained(F->parameters(), P) ? P : nullptr;
}

/// What a method of the program hands its reference parameters on to
/// (`do_place_element(d, b, args...)` calling
/// `values.emplace_back(std::forward<Args>(args)...)` on a member, or a
/// placement `new (p) T(std::forward<Args>(args)...)`), a few such methods
/// of the object deep: the library method or the constructor they reach,
/// or null.
/// \p Forwarded gets the indices of \p F's parameters handed on, each
/// named only there in the body.
static const FunctionDecl *
forwardedTo(const FunctionDecl *F, llvm::SmallVectorImpl<unsigned> &Forwarded,
            int Depth = 0) {
  const FunctionDecl *Def = nullptr;
  if (Depth > 3 || !F->hasBody(Def) || isa<CXXConstructorDecl>(Def))
    return nullptr;
  struct Finder : RecursiveASTVisitor<Finder> {
    const FunctionDecl *F;
    llvm::DenseMap<const ParmVarDecl *, unsigned> Uses;
    // The call handing parameters on: its callee and, per argument, the
    // parameter it names.
    const FunctionDecl *Target = nullptr;
    llvm::SmallVector<const ParmVarDecl *, 4> Passed;
    bool Ambiguous = false;
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        ++Uses[P];
      return true;
    }
    void candidate(const FunctionDecl *Callee,
                   llvm::ArrayRef<const Expr *> Args) {
      llvm::SmallVector<const ParmVarDecl *, 4> Names;
      bool Any = false;
      for (const Expr *A : Args) {
        const ParmVarDecl *P = forwardedParam(A, F);
        if (P && !P->getType()->isReferenceType())
          P = nullptr;
        Names.push_back(P);
        Any |= P != nullptr;
      }
      if (!Any || !Callee)
        return;
      Ambiguous |= Target != nullptr;
      Target = Callee;
      Passed = std::move(Names);
    }
    // A method of the object or of one of its members
    // (`values.emplace_back(...)`, `do_place_element(...)`).
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *CE) {
      const Expr *Obj = CE->getImplicitObjectArgument();
      Obj = Obj ? Obj->IgnoreParenImpCasts() : nullptr;
      if (const auto *ME = dyn_cast_or_null<MemberExpr>(Obj))
        Obj = ME->getBase()->IgnoreParenImpCasts();
      if (isa_and_nonnull<CXXThisExpr>(Obj))
        candidate(CE->getMethodDecl(),
                  llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()));
      return true;
    }
    // An object built in storage the method gives (`new (p) T(...)`).
    bool VisitCXXNewExpr(CXXNewExpr *NE) {
      if (const CXXConstructExpr *CE = NE->getConstructExpr();
          CE && NE->getNumPlacementArgs() > 0)
        candidate(CE->getConstructor(),
                  llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()));
      return true;
    }
  } Find;
  Find.F = Def;
  Find.TraverseStmt(Def->getBody());
  if (!Find.Target || Find.Ambiguous)
    return nullptr;
  const FunctionDecl *Target = Find.Target;
  llvm::SmallVector<unsigned, 4> Next;
  bool Library = isInStd(Target);
  if (!Library && !isa<CXXConstructorDecl>(Target)) {
    Target = forwardedTo(Target, Next, Depth + 1);
    if (!Target)
      return nullptr;
  }
  for (unsigned J = 0; J < Find.Passed.size(); ++J) {
    const ParmVarDecl *P = Find.Passed[J];
    if (!P || Find.Uses.lookup(P) != 1)
      continue;
    // Handed on again by the next method, or reaching the builder.
    if (Library || isa<CXXConstructorDecl>(Find.Target) ||
        llvm::is_contained(Next, J))
      Forwarded.push_back(P->getFunctionScopeIndex());
  }
  return Forwarded.empty() ? nullptr : Target;
}

/// Whether parameter \p I of the instantiation \p FD comes from a function
/// parameter pack of its template (`Args &&...args`).
static bool fromPack(const FunctionDecl *FD, unsigned I) {
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  if (!Pattern)
    return false;
  unsigned N = Pattern->getNumParams();
  for (unsigned K = 0; K < N; ++K)
    if (Pattern->getParamDecl(K)->isParameterPack()) {
      unsigned Expanded = FD->getNumParams() + 1 - N; // what the pack became
      return I >= K && I < K + Expanded;
    }
  return false;
}

void dropArgumentsOfInertParts(FunctionSummary &M, const FunctionDecl *Callee,
                               unsigned NArgs, TypeClassifier &Types) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (!MD || !MD->isInstance() || !isInStd(MD) || !MD->getIdentifier())
    return;
  const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(MD->getParent());
  if (!TS || Types.classify(TS) != RecordClass::Owner)
    return;
  llvm::StringRef Name = MD->getName();
  bool TryEmplace = Name == "try_emplace";
  if (!TryEmplace && !Name.starts_with("emplace"))
    return;
  llvm::ArrayRef<TemplateArgument> TA = TS->getTemplateArgs().asArray();
  auto Inert = [&](unsigned K) {
    return K < TA.size() && TA[K].getKind() == TemplateArgument::Type &&
           !TA[K].getAsType()->isDependentType() &&
           !Types.mayHoldAddress(TA[K].getAsType());
  };
  // The arguments the element is built from: the pack (not a position or
  // a hint), and try_emplace's key.
  llvm::SmallVector<unsigned, 4> Builds;
  for (unsigned I = 0; I < NArgs; ++I)
    if (fromPack(Callee, I) || (TryEmplace && I == 0))
      Builds.push_back(I);
  // A map's first two template arguments are its key and mapped types:
  // try_emplace(k, args...) and emplace(k, v) build one each; any other
  // emplace builds the pair from all of its arguments.
  bool Map = TS->getName().contains("map");
  bool Split = Map && (TryEmplace || Builds.size() == 2);
  for (unsigned I : Builds) {
    bool Key = I == Builds.front();
    bool PartInert = !Map    ? Inert(0)
                     : Split ? Inert(Key ? 0 : 1)
                             : Inert(0) && Inert(1);
    if (PartInert && 1 + I < M.Slots.size())
      M.Slots[1 + I] = ParamLeaks();
  }
}

void FunctionBuilder::inPlaceConstructions(CallSite &CS,
                                           const FunctionDecl *Callee,
                                           llvm::ArrayRef<const Expr *> Args,
                                           std::vector<CallSite> &Out) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  // The slot of the object built in: `this`, or the pointer
  // `std::construct_at(p, args...)` and `allocator_traits<A>::construct(a,
  // p, args...)` build at; the arguments it is built from come after it.
  unsigned Obj = 0, First = 1;
  if (!MD || !MD->isInstance()) {
    if (!isInStd(Callee) || !Callee->getIdentifier() ||
        !(Callee->getName() == "construct_at" ||
          Callee->getName() == "construct"))
      return;
    Obj = Callee->getName() == "construct" ? 1 : 0;
    First = Obj + 1;
    if (Obj >= Callee->getNumParams() ||
        !Callee->getParamDecl(Obj)->getType()->isPointerType())
      return;
  }
  if (CS.Args.size() <= Obj || CS.Args[Obj] < 0)
    return;
  // A library method with a model, or a method of the program handing its
  // arguments on to one (or to a constructor) that builds in place.
  bool Library = isInStd(Callee);
  // The program's: a template taking a pack of arguments to hand on.
  const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
  if (!Library && (!Pattern || llvm::none_of(Pattern->parameters(),
                                             [](const ParmVarDecl *P) {
                                               return P->isParameterPack();
                                             })))
    return;
  llvm::SmallVector<unsigned, 4> Forwarded;
  const FunctionDecl *Builder = Callee;
  if (!Library) {
    // The same method is called many times in a unit: its body is walked
    // once.
    auto [It, New] = TU.ForwardedTo.try_emplace(Callee);
    if (New)
      It->second.first = forwardedTo(Callee, It->second.second);
    Builder = It->second.first;
    Forwarded = It->second.second;
  }
  if (!Builder || (Library && CS.Model < 0))
    return;
  // Only a call whose model copies an argument into the object builds
  // something from it.
  auto Stores = [&](const FunctionSummary &M) {
    for (unsigned S = First; S < M.Slots.size(); ++S)
      if (M.Slots[S].Content.count(Obj))
        return true;
    return false;
  };
  if (Library && !Stores(G.Models[CS.Model]))
    return;
  if (const auto *BM = dyn_cast<CXXMethodDecl>(Builder);
      !Library && BM && !isa<CXXConstructorDecl>(BM)) {
    std::optional<FunctionSummary> M =
        libraryModel(TU, BM, 1 + BM->getNumParams(), /*HasThisSlot=*/true);
    if (!M || !Stores(*M))
      return;
  }
  auto [Cached, New] = TU.ConstructorsRun.try_emplace(Builder);
  if (New) {
    llvm::SmallVector<const CXXConstructorDecl *, 4> Found;
    const auto *K = dyn_cast<CXXConstructorDecl>(Builder);
    if (K && !isInStd(K)) {
      if (K->isUserProvided())
        Found.push_back(K);
    } else {
      constructorsRun(Builder, Found);
    }
    Cached->second.assign(Found.begin(), Found.end());
  }
  // A copy: the map's entries move when it grows.
  llvm::SmallVector<const CXXConstructorDecl *, 4> Run(Cached->second.begin(),
                                                       Cached->second.end());
  if (Run.empty())
    return;

  // What the elements are built from: each argument, or each element of a
  // std::piecewise_construct tuple: the node holding its object's address
  // (after Derefs dereferences) and the argument slot it comes through.
  struct Source {
    unsigned Slot;
    int Node;
    int Content;
    QualType Type;
    int Derefs;
  };
  bool Piecewise = false;
  for (const ParmVarDecl *P : Callee->parameters())
    if (const CXXRecordDecl *RD = bareType(P->getType())->getAsCXXRecordDecl())
      Piecewise |=
          RD->getIdentifier() && RD->getName() == "piecewise_construct_t";
  llvm::SmallVector<llvm::SmallVector<Source, 4>, 4> Groups;
  llvm::SmallVector<Source, 4> Plain;
  for (unsigned I = First - (MD && MD->isInstance() ? 1 : 0);
       I < Args.size() && I < Callee->getNumParams(); ++I) {
    unsigned Slot = (MD && MD->isInstance() ? 1 : 0) + I;
    QualType PT = Callee->getParamDecl(I)->getType();
    if (Slot >= CS.Args.size() || CS.Args[Slot] < 0 ||
        (!Library && !llvm::is_contained(Forwarded, I)))
      continue;
    llvm::SmallVector<QualType, 4> Elems;
    if (Piecewise && tupleTypes(PT, Elems)) {
      if (Elems.empty() ||
          llvm::any_of(Elems, [](QualType E) { return !E->isReferenceType(); }))
        continue;
      llvm::SmallVector<Source, 4> Group;
      const CallExpr *TupleCall = forwardAsTupleCall(Args[I]);
      if (const CallSite *Made = forwardedTuple(Args[I]);
          Made && Made->Args.size() == Elems.size() &&
          TupleCall->getNumArgs() == Elems.size()) {
        // std::forward_as_tuple(a, b): its call's nodes for a and b.
        std::vector<int> Nodes = Made->Args, Objects = Made->ArgContent;
        for (unsigned J = 0; J < Elems.size(); ++J)
          Group.push_back(
              {Slot, Nodes[J], Objects[J], Elems[J].getNonReferenceType(), 0});
      } else if (Elems.size() == 1) {
        // A tuple of one reference holds that object's address; a
        // reference to it, the tuple's.
        Group.push_back({Slot, CS.Args[Slot], -1,
                         Elems[0].getNonReferenceType(),
                         PT->isReferenceType() ? 1 : 0});
      }
      if (!Group.empty() &&
          llvm::all_of(Group, [](const Source &S) { return S.Node >= 0; }))
        Groups.push_back(std::move(Group));
      continue;
    }
    // The elements of an initializer list are each copied: their own copy
    // constructor builds from what the list points to. One forwarded in a
    // pack (`construct_at(p, il, args...)`, `emplace_back(il)`) is handed
    // whole to the constructor.
    if (QualType E = initializerListElement(PT);
        !E.isNull() && !fromPack(Callee, I)) {
      Plain.push_back({Slot, CS.Args[Slot], CallSite::NoObject, E,
                       PT->isReferenceType() ? 1 : 0});
      continue;
    }
    if (PT->isReferenceType())
      Plain.push_back({Slot, CS.Args[Slot], CS.ArgContent[Slot],
                       PT.getNonReferenceType(), 0});
  }
  if (!Plain.empty())
    Groups.push_back(Plain);
  // Each argument on its own: a copy or move constructor of its class.
  if (Plain.size() > 1)
    for (const Source &S : Plain)
      Groups.push_back({S});

  llvm::SmallVector<unsigned, 4> Built;
  for (const auto &Group : Groups)
    for (const CXXConstructorDecl *K : Run) {
      if (K->getNumParams() != Group.size() || Group.empty())
        continue;
      bool Fits = true;
      for (unsigned J = 0; J < Group.size() && Fits; ++J)
        Fits = initializes(Group[J].Type, K->getParamDecl(J)->getType());
      if (!Fits)
        continue;
      CallSite In = innerCall(CS, K, "constructor run by ");
      // The element's address: storage the container owns, which nothing
      // the caller names is.
      In.Args[0] =
          newLoc(LocKind::Flow, "{element}",
                 Args.empty() ? SourceLocation() : Args[0]->getBeginLoc());
      In.ArgContent[0] = CS.ArgContent[Obj];
      Note N{"call parameter", CS.Spelling, CS.Pos};
      for (unsigned J = 0; J < Group.size(); ++J) {
        QualType KT = K->getParamDecl(J)->getType();
        bool Ref = KT->isReferenceType();
        if (!Ref && !TU.Types.mayHoldAddress(KT))
          continue;
        int Derefs = Group[J].Derefs + (Ref ? 0 : 1);
        int P = Group[J].Node;
        if (Derefs != 0) {
          P = newLoc(LocKind::Flow, "{temp}", SourceLocation());
          flow(holeFor(P).shift(Derefs, N), Group[J].Node);
        }
        In.Args[1 + J] = P;
        if (Ref && Group[J].Derefs == 0)
          In.ArgContent[1 + J] = Group[J].Content;
      }
      fieldArgs(In, K);
      const FunctionDecl *Def = nullptr;
      if (K->hasBody(Def) && shouldAnalyzeBody(TU, Def))
        TU.Enqueue(Def);
      Out.push_back(std::move(In));
      for (const Source &S : Group)
        if (!llvm::is_contained(Built, S.Slot))
          Built.push_back(S.Slot);
    }
  // What the constructors build replaces the model's copy of the
  // arguments they are built from, or what the method of the program that
  // hands them on does with them.
  for (unsigned Slot : Built) {
    if (!Library) {
      CS.Args[Slot] = -1;
      CS.ArgContent[Slot] = CallSite::NoObject;
      continue;
    }
    FunctionSummary &M = G.Models[CS.Model];
    if (Slot < M.Slots.size())
      M.Slots[Slot].Content.erase(Obj);
  }
}

} // namespace escape
