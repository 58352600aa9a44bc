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

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace escape {

namespace {

/// The constructors a library body runs: those of the program's classes,
/// and library functions to look into next.
struct ConstructorFinder : RecursiveASTVisitor<ConstructorFinder> {
  llvm::SmallVectorImpl<const CXXConstructorDecl *> &Found;
  llvm::SmallVector<const FunctionDecl *, 8> Next;

  explicit ConstructorFinder(
      llvm::SmallVectorImpl<const CXXConstructorDecl *> &Found)
      : Found(Found) {}

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
    if (isInStd(K))
      next(K);
    else if (K->isUserProvided() && !K->getParent()->isLambda() &&
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
                     llvm::SmallVectorImpl<const CXXConstructorDecl *> &Out) {
  llvm::SmallVector<const FunctionDecl *, 8> Level{Lib};
  llvm::SmallPtrSet<const FunctionDecl *, 32> Seen{Lib};
  for (int Depth = 0; Depth < 8 && !Level.empty(); ++Depth) {
    llvm::SmallVector<const FunctionDecl *, 8> Deeper;
    for (const FunctionDecl *F : Level) {
      const FunctionDecl *Def = nullptr;
      if (!F->hasBody(Def))
        continue;
      ConstructorFinder Finder(Out);
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

void FunctionBuilder::inPlaceConstructions(const CallSite &CS,
                                           const FunctionDecl *Callee,
                                           llvm::ArrayRef<const Expr *> Args,
                                           std::vector<CallSite> &Out) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (!MD || !MD->isInstance() || !isInStd(MD) || CS.Model < 0 ||
      CS.Args.empty() || CS.Args[0] < 0)
    return;
  FunctionSummary &M = G.Models[CS.Model];
  // Only a call whose model copies an argument into the object builds
  // something from it.
  bool Stores = false;
  for (unsigned S = 1; S < M.Slots.size(); ++S)
    Stores |= M.Slots[S].Content.count(0) != 0;
  if (!Stores)
    return;
  auto [Cached, New] = TU.ConstructorsRun.try_emplace(Callee);
  if (New) {
    llvm::SmallVector<const CXXConstructorDecl *, 4> Found;
    constructorsRun(Callee, Found);
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
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    unsigned Slot = 1 + I;
    QualType PT = Callee->getParamDecl(I)->getType();
    if (Slot >= CS.Args.size() || CS.Args[Slot] < 0)
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
      In.ArgContent[0] = CS.ArgContent[0];
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
  // arguments they are built from.
  for (unsigned Slot : Built)
    if (Slot < M.Slots.size())
      M.Slots[Slot].Content.erase(0);
}

} // namespace escape
