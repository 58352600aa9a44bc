//===- GraphBuilder.cpp - Lower a translation unit to escape graphs -------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Build/GraphBuilder.h"
#include "FunctionBuilder.h"
#include "MovedStorage.h"
#include "ObjectUses.h"
#include "TypeOverlap.h"
#include "WaitCalls.h"
#include "clang-escape/Support/LLVMCompat.h"
#include "llvm/ADT/SmallPtrSet.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/PrettyStackTrace.h"

#include <csignal>
#include <deque>

using namespace clang;

namespace escape {

std::string mangledName(MangleContext &MC, const FunctionDecl *FD) {
  if (!MC.shouldMangleDeclName(FD))
    return FD->getNameAsString();
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD))
    MC.mangleName(GlobalDecl(CD, Ctor_Complete), OS);
  else if (const auto *DD = dyn_cast<CXXDestructorDecl>(FD))
    MC.mangleName(GlobalDecl(DD, Dtor_Complete), OS);
  else
    MC.mangleName(GlobalDecl(FD), OS);
  return OS.str();
}

/// True if FD's USR may be shared with another function: an instantiation
/// (or a member of one) whose template arguments may be closures, which
/// USRs do not tell apart within one function; or a lambda's own body. A
/// member of a class nested in one (`view<Closure>::cursor::read`) too.
/// (A function declared in another's body is keyed apart: declKey.)
static bool usrMayCollide(const FunctionDecl *FD) {
  if (FD->getTemplateSpecializationArgs())
    return true;
  for (const DeclContext *DC = FD->getParent(); DC; DC = DC->getParent()) {
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      if (RD->isLambda() || isa<ClassTemplateSpecializationDecl>(RD))
        return true;
    } else {
      return false;
    }
  }
  return false;
}

/// D's linkage name (a record's: its type's), or "" when it has none: a
/// key for what has no USR, the same in every translation unit for an
/// entity with linkage (closures are numbered in their context).
static std::string linkageKey(const Decl *D, MangleContext &MC) {
  if (const auto *DC = dyn_cast<DeclContext>(D); DC && DC->isDependentContext())
    return "";
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    OS << mangledName(MC, FD);
  else if (const auto *VD = dyn_cast<VarDecl>(D);
           VD && !VD->getDeclContext()->isDependentContext() &&
           MC.shouldMangleDeclName(VD))
    MC.mangleName(GlobalDecl(VD), OS);
  else if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    MC.mangleCXXRTTIName(recordTypeOf(MC.getASTContext(), RD), OS);
  return S.empty() ? S : "m:" + S;
}

/// The file of the translation unit when \p D has internal linkage (a
/// static function, one in an anonymous namespace, a closure or a
/// specialization over a type of one): another file may define a different
/// entity under the same name and linkage name. "" otherwise.
static std::string ownFile(const Decl *D) {
  const auto *ND = dyn_cast<NamedDecl>(D);
  if (!ND)
    return "";
  Linkage L = ND->getLinkageInternal();
  if (L != Linkage::Internal && L != Linkage::UniqueExternal)
    return "";
  const SourceManager &SM = D->getASTContext().getSourceManager();
  OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getMainFileID());
  return F ? "|tu:" + F->getName().str() : "";
}

/// The outermost function whose body declares \p FD (a lambda's, a local
/// class's method), or null.
static const FunctionDecl *enclosingFunction(const FunctionDecl *FD) {
  const FunctionDecl *Outer = nullptr;
  for (const DeclContext *DC = FD->getParent(); DC; DC = DC->getParent())
    if (const auto *F = dyn_cast<FunctionDecl>(DC))
      Outer = F;
  return Outer;
}

std::string declKey(const Decl *D, MangleContext *MC) {
  std::string Own = ownFile(D);
  // A function declared in another's body: its USR carries its position,
  // so a line inserted above would make it another function (and its
  // callers' callees change: the link state does not apply). Its linkage
  // name numbers it in its context instead; the file the enclosing
  // function is written in tells apart two of one name (`main` in each
  // example of a database linked as one program), and that of an internal
  // one's unit two static functions of one name in a header.
  if (const auto *FD = dyn_cast<FunctionDecl>(D);
      MC && FD && !FD->isDependentContext())
    if (const FunctionDecl *Outer = enclosingFunction(FD)) {
      const SourceManager &SM = D->getASTContext().getSourceManager();
      return "local:" + mangledName(*MC, FD) + "|in:" +
             fileName(
                 SM.getFilename(SM.getExpansionLoc(Outer->getLocation()))) +
             ownFile(Outer) + Own;
    }
  llvm::SmallString<128> Buf;
  if (!index::generateUSRForDecl(D, Buf)) {
    // Disambiguated by the linkage name, which numbers closures.
    if (const auto *FD = dyn_cast<FunctionDecl>(D);
        MC && FD && usrMayCollide(FD) && !FD->isDependentContext())
      return std::string(Buf) + "|" + mangledName(*MC, FD) + Own;
    return std::string(Buf) + Own;
  }
  // No USR (an instantiation over a closure object, `sexpr<[] {}>`): the
  // qualified name would merge every such specialization into one.
  if (MC)
    if (std::string K = linkageKey(D, *MC); !K.empty())
      return K + Own;
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    return ND->getQualifiedNameAsString() + Own;
  return "";
}

bool shouldAnalyzeBody(TUContext &TU, const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return false;
  if (isInStd(Def) || Def->isDependentContext())
    return false;
  // The implicit copies of a [[gsl::Pointer]] class copy the address it
  // stands for, even when no field holds it (a class that only declares).
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def);
      MD && MD->isImplicit() && MD->getParent()->hasAttr<PointerAttr>())
    return false;
  return !TU.library(Def->getLocation());
}

FunctionBuilder::FunctionBuilder(TUContext &TU, const FunctionDecl *FD,
                                 const CXXRecordDecl *DynamicThis)
    : TU(TU), Ctx(TU.Ctx), FD(FD), DynamicThis(DynamicThis) {}

std::string dynamicKey(const FunctionDecl *FD, const CXXRecordDecl *Dyn,
                       MangleContext *MC) {
  return declKey(FD, MC) + "@this:" + declKey(Dyn, MC);
}

std::string fileName(llvm::StringRef Name) {
  llvm::SmallString<256> Path(Name);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

SourcePos FunctionBuilder::pos(SourceLocation L) const {
  SourcePos P;
  if (L.isInvalid())
    return P;
  const SourceManager &SM = Ctx.getSourceManager();
  L = SM.getExpansionLoc(L);
  std::pair<FileID, unsigned> Dec = SM.getDecomposedLoc(L);
  if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(Dec.first))
    P.File = fileName(FE->getName());
  P.Line = SM.getLineNumber(Dec.first, Dec.second);
  P.Column = SM.getColumnNumber(Dec.first, Dec.second);
  P.Offset = Dec.second;
  return P;
}

/// S's first (End: last) location. Clang finds it by recursion down the
/// first (last) operand, which made text() quadratic over a chain
/// (`p->next->next...`, `a = b = c ...`, 20,000 terms: minutes): descend by
/// a loop instead.
static SourceLocation edgeOf(const Stmt *S, bool End) {
  const Stmt *Cur = S;
  while (true) {
    const Stmt *Next = nullptr;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Cur))
      Next = ICE->getSubExpr();
    else if (const auto *BO = dyn_cast<BinaryOperator>(Cur))
      Next = End ? BO->getRHS() : BO->getLHS();
    else if (const auto *CO = dyn_cast<ConditionalOperator>(Cur))
      Next = End ? CO->getFalseExpr() : CO->getCond();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Cur); AS && !End)
      Next = AS->getLHS();
    else if (const auto *ME = dyn_cast<MemberExpr>(Cur);
             ME && !End && !ME->isImplicitAccess())
      Next = ME->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(Cur);
             UO && End && !UO->isPostfix())
      Next = UO->getSubExpr();
    if (!Next)
      break;
    Cur = Next;
  }
  SourceLocation L = End ? Cur->getEndLoc() : Cur->getBeginLoc();
  if (L.isValid())
    return L;
  return End ? S->getEndLoc() : S->getBeginLoc();
}

std::string FunctionBuilder::text(const Stmt *S) const {
  if (!S)
    return "";
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(
      SM.getExpansionRange(SourceRange(edgeOf(S, false), edgeOf(S, true)))
          .getAsRange());
  StringRef T = Lexer::getSourceText(R, SM, Ctx.getLangOpts());
  std::string Out;
  Out.reserve(std::min<size_t>(T.size(), 64));
  bool Space = false;
  for (char C : T) {
    if (C == '\n' || C == '\t' || C == ' ' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out.push_back(' ');
    Space = false;
    Out.push_back(C);
    if (Out.size() > 60) {
      Out += "...";
      break;
    }
  }
  return Out;
}

Note FunctionBuilder::note(StringRef Why, const Stmt *S) const {
  return Note{Why.str(), text(S), pos(edgeOf(S, false))};
}

Note FunctionBuilder::note(StringRef Why, SourceLocation L,
                           StringRef What) const {
  return Note{Why.str(), What.str(), pos(L)};
}

int FunctionBuilder::newLoc(LocKind K, std::string Name, SourceLocation L,
                            int Scope) {
  Location Loc;
  Loc.Kind = K;
  Loc.Name = std::move(Name);
  Loc.Pos = pos(L);
  Loc.Scope = Scope;
  G.Locs.push_back(std::move(Loc));
  return static_cast<int>(G.Locs.size()) - 1;
}

void FunctionBuilder::flow(const Hole &K, int Src, bool Maybe) {
  if (K.discard() || Src < 0)
    return;
  if (K.Dst == Src && K.Derefs >= 0)
    return;
  Edge E;
  E.Dst = K.Dst;
  E.Src = Src;
  E.Derefs = K.Derefs;
  E.Maybe = K.Maybe || Maybe;
  E.Notes = K.Notes;
  E.GuardSlot = GuardSlot;
  E.GuardValue = GuardValue;
  G.Edges.push_back(std::move(E));
}

int FunctionBuilder::varLoc(const VarDecl *VD) {
  auto It = VarLocs.find(VD);
  if (It != VarLocs.end())
    return It->second;
  std::string Name = VD->getNameAsString();
  if (const auto *DD = dyn_cast<DecompositionDecl>(VD)) {
    Name = "[";
    for (const BindingDecl *B : DD->bindings())
      Name += (Name.size() > 1 ? ", " : "") + B->getNameAsString();
    Name += "]";
  }
  int L = newLoc(isa<ParmVarDecl>(VD) ? LocKind::Param : LocKind::Local, Name,
                 VD->getLocation(), CurScope);
  QualType T = VD->getType();
  if (!T->isReferenceType() && !T->isDependentType()) {
    if (T->isVariableArrayType() || T->isIncompleteType() ||
        T->isUndeducedType() || T->containsErrors() || VD->isInvalidDecl()) {
      G.Locs[L].Size.Constant = false;
    } else {
      G.Locs[L].Size.Bytes = Ctx.getTypeSizeInChars(T).getQuantity();
    }
  }
  if (!isa<ParmVarDecl>(VD) && !T->isReferenceType()) {
    G.Locs[L].SmartOwner = TU.Types.classify(T) == RecordClass::SmartPtr;
    G.Locs[L].CleansUp = TU.Types.cleansUp(T);
    G.Locs[L].Unregisters = G.Locs[L].CleansUp && TU.Types.mayUnregister(T);
    G.Locs[L].OwnsHeap = TU.Types.ownsHeap(T);
    if (!VD->hasGlobalStorage() && !isa<DecompositionDecl>(VD))
      splitObject(L, T);
    G.Locs[L].ReturnSlot = VD->isNRVOVariable();
  }
  G.Locs[L].MovedAway = MovedAway.count(VD) > 0;
  VarLocs[VD] = L;
  return L;
}

static std::string functionName(const FunctionDecl *FD,
                                const SourceManager &SM) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda()) {
      SourceLocation L = SM.getExpansionLoc(MD->getParent()->getLocation());
      std::string Outer;
      if (const auto *Enc =
              dyn_cast<FunctionDecl>(MD->getParent()->getDeclContext()))
        Outer = functionName(Enc, SM) + "::";
      return Outer + "lambda@" + std::to_string(SM.getExpansionLineNumber(L));
    }
  return FD->getQualifiedNameAsString();
}

/// Where \p FD is defined. A member the compiler writes is placed at its
/// class, whose specialization may be placed where a unit first named it
/// (a forward declaration): the definition of its template is the same
/// place in every unit.
static SourceLocation definedAt(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->isImplicit())
    return FD->getLocation();
  const CXXRecordDecl *RD = MD->getParent();
  if (const CXXRecordDecl *P = RD->getTemplateInstantiationPattern())
    RD = P;
  else if (const CXXRecordDecl *D = RD->getDefinition())
    RD = D;
  return RD->getLocation();
}

FunctionGraph FunctionBuilder::build() {
  const SourceManager &SM = Ctx.getSourceManager();
  G.Key = DynamicThis ? dynamicKey(FD, DynamicThis, TU.Mangler.get())
                      : declKey(FD, TU.Mangler.get());
  G.Name = functionName(FD, SM);
  G.Pos = pos(definedAt(FD));
  QualType RT = FD->getReturnType();
  G.ReturnKind = RT->isVoidType()        ? "void"
                 : RT->isReferenceType() ? "reference"
                 : RT->isPointerType()   ? "pointer"
                                         : "value";
  G.IsConstructor = isa<CXXConstructorDecl>(FD);
  if (const Stmt *Body = FD->getBody())
    storageMovedAway(Body, TU.Types, MovedAway);
  if (!RT->isReferenceType() && !RT->isDependentType())
    if (const CXXRecordDecl *RD = RT->getAsCXXRecordDecl();
        RD && splitFields(RD))
      ResultRecord = RD->getDefinition();
  // A copy for a known class of `this` only serves its callers: the
  // function's own findings come from its general graph.
  G.MainFile = !DynamicThis && TU.reported(FD->getLocation());
  newLoc(LocKind::Heap, "{heap}", SourceLocation());
  newLoc(LocKind::Thread, "{thread}", SourceLocation());
  newLoc(LocKind::CoroFrame, "{coroutine frame}", SourceLocation());
  newLoc(LocKind::Result, "~r0", SourceLocation());
  pushScope(false, FD->getBody());
  CurScope = 0;
  G.Scopes[0].Parent = -1;

  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->isInstance()) {
    ThisSlot = 0;
    IsLambdaBody = MD->getParent()->isLambda();
    Closure = MD->getParent();
    G.SlotNames.push_back("this");
    G.SlotLocs.push_back(newLoc(LocKind::Param, "this", FD->getLocation(), 0));
    G.Locs[G.SlotLocs.back()].Slot = 0;
    G.SlotContents.push_back(
        newLoc(LocKind::ParamContent, "{*this}", FD->getLocation()));
    G.Locs[G.SlotContents.back()].Slot = 0;
    G.Locs[G.SlotContents.back()].OwnsHeap =
        TU.Types.ownsHeap(MD->getThisType()->getPointeeType());
    SlotRecords.push_back(MD->getParent());
  }
  for (const ParmVarDecl *P : FD->parameters()) {
    int Slot = static_cast<int>(G.SlotLocs.size());
    int L = varLoc(P);
    G.Locs[L].Slot = Slot;
    SlotOfParam[P] = Slot;
    std::string Name = P->getName().empty()
                           ? "#" + std::to_string(P->getFunctionScopeIndex())
                           : P->getNameAsString();
    G.Locs[L].Name = Name;
    G.Locs[L].Size.Bytes = 0; // by-value parameters live in the caller
    G.SlotNames.push_back(Name);
    G.SlotLocs.push_back(L);
    int C = -1;
    if (P->getType()->isReferenceType() || P->getType()->isPointerType()) {
      C = newLoc(LocKind::ParamContent, "{*" + Name + "}", P->getLocation());
      G.Locs[C].Slot = Slot;
      G.Locs[C].OwnsHeap = TU.Types.ownsHeap(P->getType()->getPointeeType());
    } else if (splitFields(P->getType()->getAsCXXRecordDecl()) ||
               TU.Types.isPointerLike(P->getType())) {
      // A class passed by value: a copy whose pointer members point where
      // the caller's object's do (an iterator or smart pointer by value:
      // where the caller's does). A store through them lands there.
      C = newLoc(LocKind::ParamContent, "{*" + Name + ".*}", P->getLocation());
      G.Locs[C].Slot = Slot;
    }
    G.SlotContents.push_back(C);
    SlotRecords.push_back(
        C >= 0 && !P->getType()->getPointeeType().isNull()
            ? P->getType()->getPointeeType()->getAsCXXRecordDecl()
            : nullptr);
  }
  annotations();
  enqueueVirtualMethods();
  PrologueLocs = G.Locs.size();
  const Stmt *Body = FD->getBody();
  collectReassigned(Body);
  collectReturnedValues(Body);
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD)) {
    for (const CXXCtorInitializer *I : CD->inits()) {
      if (!I->getInit() || ThisSlot < 0)
        continue;
      Hole H = holeFor(G.SlotContents[ThisSlot]);
      if (I->isMemberInitializer()) {
        const FieldDecl *F = I->getMember();
        H = fieldHole(H, F).note(
            note("member initializer", I->getMemberLocation(),
                 F->getNameAsString() + "(" + text(I->getInit()) + ")"));
        if (F->getType()->isReferenceType())
          H = H.shift(-1);
      }
      expr(H, I->getInit());
    }
  }
  stmt(Body);
  if (overBudget()) {
    makeConservative();
    return std::move(G);
  }
  G.WaitsForThreads = Body && waitsForThreads();
  G.Drains = Body && runsHeldWork(FD, TU.Opts.Models);
  G.Blocks = Body && waitsOnOwnState(FD, TU.Opts.Models);
  if (Body) {
    llvm::SmallVector<int, 2> Waits;
    waitedSlots(FD, TU.Opts.Models, Waits);
    G.WaitsOn.assign(Waits.begin(), Waits.end());
    unlinkableMembers();
    globalWrites();
  }
  killOverwrittenGlobalStores(Body);
  killReplacedFieldStores(Body);
  sharedOwners(Body);
  unreachedAfterScopes();
  overwrittenLocalStores(Body);
  finish();
  frames();
  return std::move(G);
}

void FunctionBuilder::enqueueVirtualMethods() {
  // An object this constructor makes can run any of its class's virtual
  // methods through a base (`parentVariable()` called by a base's
  // `setParent`). Those defined in a header are otherwise lowered only when
  // called by name, and a virtual call with no overrider seen reads
  // nothing known: its result points into the heap.
  const auto *CD = dyn_cast<CXXConstructorDecl>(FD);
  if (!CD || DynamicThis || !CD->getParent()->isPolymorphic())
    return;
  for (const CXXMethodDecl *MD : CD->getParent()->methods())
    if (MD->isVirtual() && !isa<CXXDestructorDecl>(MD))
      TU.Enqueue(MD);
}

void FunctionBuilder::unlinkableMembers() {
  // Only a method given nothing it could link in unlinks a caller's node
  // (BuildStmt's unlinkedBy).
  // And only a caller that cannot see the body needs them: one defined
  // in its own file, not inline (header functions every caller sees).
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->isInstance() || !G.MainFile || FD->isInlined() ||
      !takesNoAddress(FD))
    return;
  for (const FieldDecl *F : fieldsWritten(FD, TU))
    if (F->getType()->isPointerType())
      G.Writes.push_back(fieldKey(F));
  llvm::sort(G.Writes);
  G.Writes.erase(std::unique(G.Writes.begin(), G.Writes.end()), G.Writes.end());
}

void FunctionBuilder::globalWrites() {
  // Only a caller that cannot see the body needs them (BuildStmt pairs a
  // call of a function of another unit with a later clearing call).
  if (!G.MainFile || FD->isInlined())
    return;
  const FunctionWrites &W = writesOf(FD, TU);
  for (auto [From, To] : {std::pair{&W.GlobalsStored, &G.GlobalsStored},
                          {&W.GlobalsCleared, &G.GlobalsCleared}}) {
    for (const VarDecl *V : *From)
      To->push_back(V->getQualifiedNameAsString());
    llvm::sort(*To);
    To->erase(std::unique(To->begin(), To->end()), To->end());
  }
}

void FunctionBuilder::annotations() {
  const SourceManager &SM = Ctx.getSourceManager();
  G.OdrHash = const_cast<FunctionDecl *>(FD)->getODRHash();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && !DynamicThis) {
    llvm::SmallVector<const CXXMethodDecl *, 4> Work(
        MD->overridden_methods().begin(), MD->overridden_methods().end());
    while (!Work.empty()) {
      const CXXMethodDecl *O = Work.pop_back_val();
      G.Overrides.push_back(declKey(O, TU.Mangler.get()));
      Work.append(O->overridden_methods().begin(),
                  O->overridden_methods().end());
    }
  }
  if (ThisSlot >= 0) {
    G.SlotAnnotate.push_back(SourcePos());
    G.SlotKinds.push_back('t');
  }
  bool Editable = G.MainFile && !isa<CXXMethodDecl>(FD)
                      ? true
                      : G.MainFile && !cast<CXXMethodDecl>(FD)->isVirtual() &&
                            !cast<CXXMethodDecl>(FD)->getParent()->isLambda();
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType();
    G.SlotKinds.push_back(T->isReferenceType() ? 'r'
                          : T->isPointerType() ? 'p'
                                               : 'v');
    SourcePos At;
    SourceLocation L = P->getLocation();
    if (Editable && !P->getName().empty() && L.isFileID() &&
        !P->hasAttr<LifetimeBoundAttr>() && !P->hasAttr<NoEscapeAttr>() &&
        !FD->isTemplateInstantiation())
      At = pos(Lexer::getLocForEndOfToken(L, 0, SM, Ctx.getLangOpts()));
    G.SlotAnnotate.push_back(At);
  }
  // What the types of the slots rule out (see FunctionGraph::SlotInert,
  // ResultApart, ContentApart).
  llvm::SmallVector<QualType, 8> Objects;
  if (ThisSlot >= 0)
    Objects.push_back(cast<CXXMethodDecl>(FD)->getThisType());
  for (const ParmVarDecl *P : FD->parameters())
    Objects.push_back(P->getType());
  auto Referred = [](QualType T) {
    return (T->isPointerType() || T->isReferenceType()) &&
           !T->isDependentType();
  };
  for (QualType T : Objects)
    G.SlotInert.push_back(refersToNoAddress(T) ? 'y' : 'n');
  // The parameters' objects the result cannot point into.
  if (QualType RT = FD->getReturnType(); Referred(RT))
    for (QualType T : Objects)
      G.ResultApart.push_back(Referred(T) && !mayPointInto(RT->getPointeeType(),
                                                           T->getPointeeType())
                                  ? 'y'
                                  : 'n');
  // The parameters' objects that cannot keep a pointer into others'.
  size_t N = Objects.size();
  if (N > 0 && N <= 16) {
    G.ContentApart.assign(N * N, 'n');
    for (size_t J = 0; J < N; ++J)
      for (size_t I = 0; I < N && Referred(Objects[J]); ++I)
        if (Referred(Objects[I]) &&
            !mayKeepPointerInto(Objects[J]->getPointeeType(),
                                Objects[I]->getPointeeType()))
          G.ContentApart[J * N + I] = 'y';
  }
}

void FunctionBuilder::sharedOwners(const Stmt *Body) {
  // A local shared_ptr named anywhere but as the object of `*`, `->`,
  // get() or a test may have been copied (into a container, a member, a
  // callee): its death ends only its own share of the object, so a
  // reference to the object does not dangle with it.
  struct Uses : RecursiveASTVisitor<Uses> {
    llvm::DenseMap<const VarDecl *, unsigned> Refs, Accesses;
    static const VarDecl *var(const Expr *E) {
      const auto *DRE =
          E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
      return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()))
        ++Refs[VD];
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
      if ((E->getOperator() == OO_Star || E->getOperator() == OO_Arrow) &&
          E->getNumArgs() == 1)
        if (const VarDecl *VD = var(E->getArg(0)))
          ++Accesses[VD];
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
      const CXXMethodDecl *MD = E->getMethodDecl();
      if (MD && (isa<CXXConversionDecl>(MD) ||
                 (MD->getIdentifier() &&
                  (MD->getName() == "get" || MD->getName() == "use_count"))))
        if (const VarDecl *VD = var(E->getImplicitObjectArgument()))
          ++Accesses[VD];
      return true;
    }
  } U;
  bool Any = false;
  for (auto &[VD, L] : VarLocs)
    Any |= G.Locs[L].SmartOwner;
  if (!Any || !Body)
    return;
  U.TraverseStmt(const_cast<Stmt *>(Body));
  for (auto &[VD, L] : VarLocs) {
    const auto *RD = VD->getType()->getAsCXXRecordDecl();
    if (G.Locs[L].SmartOwner && RD && RD->getIdentifier() &&
        RD->getName().contains("shared_ptr") &&
        U.Refs.lookup(VD) > U.Accesses.lookup(VD))
      G.Locs[L].SmartOwner = false;
  }
}

void FunctionBuilder::finish() {
  // RAII guards: a constructor's store into a global that the destructor
  // restores lasts only as long as the guard object.
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD);
      CD && ThisSlot >= 0 && !GlobalStores.empty()) {
    llvm::DenseSet<const VarDecl *> Restored;
    const FunctionDecl *Dtor = nullptr;
    if (const CXXDestructorDecl *D = CD->getParent()->getDestructor())
      D->hasBody(Dtor);
    struct Finder : RecursiveASTVisitor<Finder> {
      llvm::DenseSet<const VarDecl *> &Out;
      explicit Finder(llvm::DenseSet<const VarDecl *> &Out) : Out(Out) {}
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->getOpcode() == BO_Assign)
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
              if (VD->hasGlobalStorage())
                Out.insert(VD);
        return true;
      }
    } F(Restored);
    if (Dtor && Dtor->getBody())
      F.TraverseStmt(Dtor->getBody());
    for (auto &[E, Store] : GlobalStores)
      if (const auto *GV = dyn_cast<VarDecl>(Store.second);
          GV && Restored.count(GV)) {
        G.Locs[Store.first].Killed = true;
        flow(holeFor(G.SlotContents[ThisSlot])
                 .note(note("kept until the destructor restores it",
                            Dtor->getLocation(),
                            Store.second->getNameAsString())),
             Store.first);
      }
  }
  // A store overwritten before the frame ends does not reach its target;
  // one perhaps overwritten, only as a maybe.
  for (Edge &E : G.Edges)
    if (MaybeCleared.count(E.Src) && !E.Notes.empty() &&
        E.Notes.front().Why.rfind("store to", 0) == 0)
      E.Maybe = true;
  G.Edges.erase(std::remove_if(G.Edges.begin(), G.Edges.end(),
                               [&](const Edge &E) {
                                 if (ReplacedStages.count(E.Src))
                                   return true;
                                 const Location &S = G.Locs[E.Src];
                                 return S.Kind == LocKind::GlobalStore &&
                                        S.Killed && !E.Notes.empty() &&
                                        E.Notes.front().Why.rfind("store to",
                                                                  0) == 0;
                               }),
                G.Edges.end());

  // An object handed back through a function pointer and deleted by the
  // function (`TestCase *t = factories_[i](); t->run(r); delete t;`): the
  // function owns it, as one it made, rather than it being anything.
  llvm::SmallPtrSet<const VarDecl *, 4> Owned;
  for (const Release &D : Deleted) {
    const Expr *Init = D.Var->hasLocalStorage() && !isa<ParmVarDecl>(D.Var) &&
                               D.Var->getType()->isPointerType()
                           ? D.Var->getInit()
                           : nullptr;
    const auto *CE =
        Init ? dyn_cast<CallExpr>(Init->IgnoreParenCasts()) : nullptr;
    auto It = VarLocs.find(D.Var);
    if (!CE || CE->getCalleeDecl() || CallIndex.count(CE) ||
        It == VarLocs.end() || !Owned.insert(D.Var).second)
      continue;
    int A = newLoc(LocKind::Alloc,
                   "object returned by '" + text(CE->getCallee()) + "'",
                   CE->getBeginLoc(), G.Locs[It->second].Scope);
    G.Locs[A].Alloc.Spelling = text(CE);
    G.Locs[A].Alloc.CustomAlloc = true; // not made here: never a candidate
    G.Locs[A].Size.Constant = false;
    flow(holeFor(It->second).shift(-1, note("returned and deleted here", CE)),
         A);
  }

  // Which allocations are released in this frame: deleted through a local
  // pointer, or owned by a local smart pointer.
  std::vector<std::vector<int>> In(G.Locs.size());
  for (size_t I = 0; I < G.Edges.size(); ++I)
    In[G.Edges[I].Dst].push_back(static_cast<int>(I));
  auto AllocsInto = [&](int L, auto &&Fn) {
    std::vector<std::pair<int, int>> Work{{L, 0}};
    llvm::DenseSet<int> Seen;
    while (!Work.empty()) {
      auto [Cur, D] = Work.back();
      Work.pop_back();
      if (!Seen.insert(Cur).second)
        continue;
      for (int EI : In[Cur]) {
        const Edge &E = G.Edges[EI];
        int ND = D + E.Derefs;
        const Location &S = G.Locs[E.Src];
        if (S.Kind == LocKind::Alloc && ND == -1)
          Fn(E.Src);
        else if (ND == 0 &&
                 (S.Kind == LocKind::Flow || S.Kind == LocKind::Temporary ||
                  S.Kind == LocKind::Local))
          Work.push_back({E.Src, ND});
      }
    }
  };
  // Released exactly once on every path (approximately): the delete comes
  // after the allocation, in its block or an enclosing one, with no return
  // in between, and once per iteration when the allocation is in a loop.
  auto Encloses = [&](int Outer, int Inner) {
    for (int S = Inner; S >= 0; S = G.Scopes[S].Parent)
      if (S == Outer)
        return true;
    return false;
  };
  for (const Release &D : Deleted) {
    auto It = VarLocs.find(D.Var);
    if (It == VarLocs.end())
      continue;
    AllocsInto(It->second, [&](int A) {
      Location &L = G.Locs[A];
      unsigned From = L.Pos.Offset;
      bool Exits = llvm::any_of(
          this->Returns, [&](unsigned R) { return R > From && R < D.Offset; });
      if (D.Offset > From && !Exits && L.Scope >= 0 &&
          Encloses(D.Scope, L.Scope) && (!L.Alloc.InLoop || D.InLoop))
        L.Alloc.Released = true;
    });
  }
  for (auto &[VD, L] : VarLocs) {
    if (isa<ParmVarDecl>(VD) || Released.count(VD) ||
        TU.Types.classify(VD->getType()) != RecordClass::SmartPtr)
      continue;
    AllocsInto(L, [&](int A) { G.Locs[A].Alloc.Released = true; });
  }
}

namespace {
/// Finds the function definitions of the main file, template
/// instantiations included, without walking into headers.
class MainFileFunctions : public RecursiveASTVisitor<MainFileFunctions> {
public:
  MainFileFunctions(const SourceManager &SM,
                    std::function<void(const FunctionDecl *)> Fn,
                    std::vector<const VarDecl *> &Globals)
      : SM(SM), Fn(std::move(Fn)), Globals(Globals) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaExpressions() const { return false; }
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    // A namespace or extern "C" block opened in a header holds only the
    // header's declarations, so it is skipped whole: walking it would load
    // every declaration of a precompiled preamble (clang-escape-lsp).
    if (!isa<TranslationUnitDecl>(D)) {
      SourceLocation L = D->getLocation();
      if (isa<LinkageSpecDecl>(D))
        L = cast<LinkageSpecDecl>(D)->getBeginLoc();
      if (L.isValid() && !SM.isInMainFile(SM.getExpansionLoc(L)))
        return true;
    }
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseStmt(Stmt *) { return true; } // bodies are lowered elsewhere
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() &&
        !FD->isInvalidDecl())
      Fn(FD);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (hasLoweredInitializer(VD))
      Globals.push_back(VD);
    else if (VD->hasGlobalStorage() && !VD->isStaticLocal() && VD->getInit() &&
             !VD->getDeclContext()->isDependentContext())
      enqueueLambdas(VD->getInit());
    return true;
  }

private:
  /// `int n = [] { ... }();`: the lambda runs before main, though the
  /// initializer itself holds no address and is not lowered.
  void enqueueLambdas(const Expr *Init) {
    struct Lambdas : RecursiveASTVisitor<Lambdas> {
      std::function<void(const FunctionDecl *)> &Fn;
      explicit Lambdas(std::function<void(const FunctionDecl *)> &Fn)
          : Fn(Fn) {}
      bool TraverseLambdaExpr(LambdaExpr *LE) {
        const CXXMethodDecl *Call = LE->getCallOperator();
        if (const FunctionTemplateDecl *FT =
                Call->getDescribedFunctionTemplate())
          for (const FunctionDecl *Spec : FT->specializations())
            Fn(Spec);
        else
          Fn(Call);
        return true; // its body enqueues the lambdas nested in it
      }
    } L(Fn);
    L.TraverseStmt(const_cast<Expr *>(Init));
  }

  const SourceManager &SM;
  std::function<void(const FunctionDecl *)> Fn;
  std::vector<const VarDecl *> &Globals;
};
} // namespace

TUContext::TUContext(ASTContext &Ctx, const BuildOptions &Opts)
    : Ctx(Ctx), Opts(Opts), Types(Ctx) {
  // The driver checked the expression.
  if (!Opts.HeaderFilter.empty())
    HeaderFilter.emplace(Opts.HeaderFilter);
}

bool TUContext::reported(SourceLocation L) {
  const SourceManager &SM = Ctx.getSourceManager();
  L = SM.getExpansionLoc(L);
  if (L.isInvalid())
    return false;
  if (SM.isInMainFile(L))
    return true;
  if (!HeaderFilter || (SM.isInSystemHeader(L) && !Opts.SystemHeaders))
    return false;
  return filtered(L);
}

bool TUContext::library(SourceLocation L) {
  const SourceManager &SM = Ctx.getSourceManager();
  L = SM.getExpansionLoc(L);
  return SM.isInSystemHeader(L) &&
         !(Opts.SystemHeaders && HeaderFilter && filtered(L));
}

bool TUContext::filtered(SourceLocation L) {
  const SourceManager &SM = Ctx.getSourceManager();
  FileID F = SM.getFileID(L);
  auto [It, New] = ReportedFiles.try_emplace(F, false);
  if (New)
    if (OptionalFileEntryRef E = SM.getFileEntryRefForID(F)) {
      llvm::SmallString<256> Path(E->getName());
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, true);
      It->second = HeaderFilter->match(Path);
    }
  return It->second;
}

std::vector<FunctionGraph> buildGraphs(ASTContext &Ctx,
                                       const BuildOptions &Opts) {
  TUContext TU(Ctx, Opts);
  TU.Mangler.reset(Ctx.createMangleContext());
  using Item = std::pair<const FunctionDecl *, const CXXRecordDecl *>;
  std::deque<Item> Work;
  llvm::DenseSet<Item> Seen;
  TU.StackLimit = lowestStackAddress();
  TU.EnqueueAs = [&](const FunctionDecl *FD, const CXXRecordDecl *Dyn) {
    const FunctionDecl *Def = nullptr;
    if (!FD || !FD->hasBody(Def) || !Def || Def->isDependentContext() ||
        Def->isInvalidDecl())
      return;
    if (Seen.insert({Def, Dyn}).second)
      Work.push_back({Def, Dyn});
  };
  TU.Enqueue = [&](const FunctionDecl *FD) { TU.EnqueueAs(FD, nullptr); };
  std::vector<const VarDecl *> Globals;
  MainFileFunctions Finder(Ctx.getSourceManager(), TU.Enqueue, Globals);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  std::vector<FunctionGraph> Graphs;
  for (const VarDecl *VD : Globals) {
    FunctionBuilder B(TU, nullptr);
    Graphs.push_back(B.buildInitializer(VD));
  }
  while (!Work.empty()) {
    auto [FD, Dyn] = Work.front();
    Work.pop_front();
    // Named in the stack dump of a crash, and for the driver's report.
    std::string Where = functionName(FD, Ctx.getSourceManager());
    if (SourceLocation L = FD->getLocation(); L.isValid())
      Where += " at " + Ctx.getSourceManager().getExpansionLoc(L).printToString(
                            Ctx.getSourceManager());
    llvm::PrettyStackTraceFormat Trace("clang-escape: lowering '%s'",
                                       Where.c_str());
    if (Opts.Current)
      *Opts.Current = Where;
    if (!Opts.CrashOn.empty() && FD->getNameAsString() == Opts.CrashOn)
      ::raise(SIGSEGV);
    FunctionBuilder B(TU, FD, Dyn);
    Graphs.push_back(B.build());
    Graphs.back().Mangled = mangledName(*TU.Mangler, FD);
  }
  if (Opts.Current)
    Opts.Current->clear();
  return Graphs;
}

} // namespace escape
