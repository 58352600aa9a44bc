//===- TypeClass.cpp - What a C++ type can hold ---------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "TypeClass.h"
#include "SoleSharedOwner.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace escape {

bool isInStd(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->isStdNamespace() ||
          (NS->getParent() && NS->getParent()->isTranslationUnit() &&
           (NS->getName() == "std" || NS->getName() == "__gnu_cxx")))
        return true;
  return false;
}

/// A standard iterator's name (`vector<T>::iterator`'s `__normal_iterator`,
/// `_Rb_tree_iterator`, `istream_iterator`, ...).
static bool namesIterator(StringRef Name) {
  return Name.ends_with("iterator") || Name.contains("_Iterator") ||
         Name.contains("_iterator");
}

static std::optional<RecordClass> classifyStdName(StringRef Name) {
  auto C =
      llvm::StringSwitch<std::optional<RecordClass>>(Name)
          .Cases("basic_string", "vector", "deque", "list", "forward_list",
                 RecordClass::Owner)
          .Cases("map", "multimap", "set", "multiset", "unordered_map",
                 RecordClass::Owner)
          .Cases("unordered_multimap", "unordered_set", "unordered_multiset",
                 "array", "optional", RecordClass::Owner)
          .Cases("variant", "priority_queue", "queue", "stack", "valarray",
                 RecordClass::Owner)
          .Cases("basic_string_view", "span", "reference_wrapper",
                 "initializer_list", "coroutine_handle", RecordClass::View)
          .Cases("unique_ptr", "shared_ptr", "weak_ptr", "__shared_ptr",
                 "auto_ptr", RecordClass::SmartPtr)
          // libstdc++'s base of shared_ptr that defines `*` and `->`.
          .Case("__shared_ptr_access", RecordClass::SmartPtr)
          .Cases("function", "move_only_function", "copyable_function", "any",
                 "packaged_task", RecordClass::Erased)
          .Cases("thread", "jthread", RecordClass::Thread)
          // A container's extracted node (`set::extract`) owns the node.
          .Case("_Node_handle", RecordClass::Owner)
          .Case("__basic_node_handle", RecordClass::Owner)
          .Default(std::nullopt);
  if (C)
    return C;
  if (namesIterator(Name))
    return RecordClass::View;
  return std::nullopt;
}

/// True if a standard iterator of class \p RD owns what it works on (a
/// member that is a smart pointer or a container: `directory_iterator`'s
/// handle on the open directory, `regex_token_iterator`'s copy of its
/// submatch list): built from a path or a list, it keeps a copy, not the
/// argument.
static bool ownsItsState(TypeClassifier &Types, const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  for (const FieldDecl *F : RD->getDefinition()->fields()) {
    const CXXRecordDecl *FRD = F->getType()->getAsCXXRecordDecl();
    if (FRD && FRD != RD && !F->getType()->isReferenceType()) {
      RecordClass FC = Types.classify(FRD);
      if (FC == RecordClass::SmartPtr || FC == RecordClass::Owner)
        return true;
    }
  }
  return false;
}

RecordClass TypeClassifier::classify(const CXXRecordDecl *RD) {
  if (!RD)
    return RecordClass::Plain;
  RD = RD->getCanonicalDecl();
  auto It = ClassCache.find(RD);
  if (It != ClassCache.end())
    return It->second;
  RecordClass C = RecordClass::Plain;
  const CXXRecordDecl *Def = RD->getDefinition() ? RD->getDefinition() : RD;
  if (Def->hasAttr<OwnerAttr>())
    C = RecordClass::Owner;
  else if (Def->hasAttr<PointerAttr>())
    C = RecordClass::View;
  if (RD->getIdentifier() && isInStd(RD))
    if (auto S = classifyStdName(RD->getName())) {
      C = *S;
      if (C == RecordClass::View && namesIterator(RD->getName())) {
        // Cached before its members are classified: a member whose type
        // leads back here finds it.
        ClassCache[RD] = C;
        if (ownsItsState(*this, Def))
          C = RecordClass::Plain;
      }
    }
  ClassCache[RD] = C;
  return C;
}

RecordClass TypeClassifier::classify(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  return classify(T->getAsCXXRecordDecl());
}

bool TypeClassifier::isPointerLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isBlockPointerType())
    return true;
  RecordClass C = classify(T);
  return C == RecordClass::View || C == RecordClass::SmartPtr;
}

/// True if Pred holds for the type of a field (not a reference) or of a
/// base of RD.
template <typename Fn> static bool anyPart(const CXXRecordDecl *RD, Fn Pred) {
  for (const FieldDecl *F : RD->fields())
    if (!F->getType()->isReferenceType() && Pred(F->getType()))
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (Pred(B.getType()))
      return true;
  return false;
}

namespace {
/// True if a destructor's body may reach beyond the object's own values:
/// it calls a function of the program, names a global, passes or stores
/// `this`, or goes through a member that points to or refers to another
/// object, a callable, or a member whose own destruction does work. One
/// that only calls the standard library on the members it holds by value
/// (`t.join()`, `buf.clear()`) cannot take the object out of a registry it
/// was put in.
struct ReachesOut : RecursiveASTVisitor<ReachesOut> {
  TypeClassifier &Types;
  bool Found = false;
  explicit ReachesOut(TypeClassifier &Types) : Types(Types) {}
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *F = CE->getDirectCallee();
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
    Found |= !F || !isInStd(F) || (Op && Op->getOperator() == OO_Call);
    return !Found;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    Found |= !isInStd(CE->getConstructor());
    return !Found;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const auto *V = dyn_cast<VarDecl>(E->getDecl());
    Found |= V && !V->hasLocalStorage();
    return !Found;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    Found |= !E->isImplicit();
    return !Found;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    QualType T = E->getMemberDecl()->getType();
    if (const auto *VD = dyn_cast<VarDecl>(E->getMemberDecl()))
      Found |= !VD->hasLocalStorage(); // a static data member
    Found |= isa<FieldDecl>(E->getMemberDecl()) &&
             (T->isPointerType() || T->isReferenceType() ||
              T->isMemberPointerType() ||
              Types.classify(T) == RecordClass::SmartPtr || Types.cleansUp(T));
    return !Found;
  }
};
} // namespace

bool TypeClassifier::destructorDoes(
    QualType T, llvm::DenseMap<const CXXRecordDecl *, bool> &Cache,
    bool Unregister) {
  T = T.getNonReferenceType().getCanonicalType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  auto Part = [&](QualType P) { return destructorDoes(P, Cache, Unregister); };
  // A standard container or owner destroys the elements it holds
  // (`std::vector<scoped_connection>`).
  if (isInStd(RD)) {
    const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!TS)
      return false;
    for (const TemplateArgument &A : TS->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type && Part(A.getAsType()))
        return true;
    return false;
  }
  // A [[gsl::Owner]]'s destructor frees what it owns, as a container's
  // does: what views it dangles, nothing unregisters itself.
  if (RD->hasAttr<OwnerAttr>())
    return false;
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  Cache[RD] = false; // recursion guard
  bool Does = false;
  if (const CXXDestructorDecl *D = RD->getDestructor()) {
    const FunctionDecl *Def = nullptr;
    if (D->isUserProvided()) {
      // Defined in another file: assume it does something.
      Does = true;
      if (D->hasBody(Def))
        if (const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody())) {
          Does = !Body->body_empty();
          if (Does && Unregister) {
            ReachesOut R(*this);
            R.TraverseStmt(const_cast<CompoundStmt *>(Body));
            Does = R.Found;
          }
        }
    }
  }
  Does = Does || anyPart(RD, Part);
  Cache[RD] = Does;
  return Does;
}

bool TypeClassifier::cleansUp(QualType T) {
  return destructorDoes(T, CleanCache, /*Unregister=*/false);
}

bool TypeClassifier::mayUnregister(QualType T) {
  return destructorDoes(T, UnregisterCache, /*Unregister=*/true);
}

namespace {
/// Finds a release in a destructor's body: `delete`, `free(...)`, a
/// `destroy()` call (a coroutine handle's frame) or an explicit destructor
/// call (`p->~T()`: an object placed in memory the class manages itself);
/// with a target, only releases of it: `delete this->F`, `free(F)`,
/// `F->destroy()`, `F[i].~T()`, or F passed to a function of the program
/// that releases its parameter (`allocator->destroy(F)`). Follows the calls
/// it makes to functions of the program (`~Graph() { clear(); }`,
/// `recycle(node)`), a few deep; with a field, only to members of the
/// field's class.
class ReleaseFinder : public RecursiveASTVisitor<ReleaseFinder> {
public:
  explicit ReleaseFinder(const ValueDecl *F = nullptr) : F(F) {}
  bool Found = false;
  bool VisitCXXDeleteExpr(CXXDeleteExpr *DE) {
    check(DE->getArgument());
    return !Found;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (isa_and_nonnull<CXXDestructorDecl>(FD)) {
      // `F->~T()`, `F[i].~T()`: what F points to ends here.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        checkPointee(MC->getImplicitObjectArgument());
      return !Found;
    }
    if (!FD || !FD->getIdentifier())
      return true;
    StringRef N = FD->getName();
    if (N == "free" && CE->getNumArgs() == 1)
      check(CE->getArg(0));
    else if (N == "destroy" || N == "deallocate")
      // With a field: `F->destroy()` (a coroutine promise's frame).
      checkObject(CE);
    if (!Found)
      passed(CE, FD);
    if (!Found && !(N == "free" || N == "destroy" || N == "deallocate"))
      follow(FD);
    return !Found;
  }
  /// Searches \p Body and what it calls.
  bool search(const Stmt *Body) {
    llvm::SmallPtrSet<const FunctionDecl *, 8> Visited;
    Seen = &Visited;
    TraverseStmt(const_cast<Stmt *>(Body));
    Seen = nullptr;
    return Found;
  }

private:
  /// True if E names the target (a member or a parameter), or an element
  /// of it when it is an array (`ptrs[i]`).
  bool names(const Expr *E) const {
    E = E->IgnoreParenCasts();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E);
        AS && AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
      E = AS->getBase()->IgnoreParenCasts();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      E = OC->getArg(0)->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl() == F;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl() == F;
    return false;
  }
  void check(const Expr *E) { Found |= !F || names(E); }
  /// The object an explicit destructor call ends: `*F`, `F[i]`, `F->`.
  void checkPointee(const Expr *Obj) {
    if (!F || !Obj) {
      Found |= !F;
      return;
    }
    Obj = Obj->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Obj);
        UO && UO->getOpcode() == UO_Deref)
      Obj = UO->getSubExpr();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Obj))
      Obj = AS->getBase();
    // `p->~T()`: the object argument is the pointer itself.
    check(Obj);
  }
  void checkObject(const CallExpr *CE) {
    if (!F)
      Found = true;
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      check(MC->getImplicitObjectArgument());
  }
  /// The target passed to a function of the program that releases the
  /// parameter it is given (`allocator->destroy(worker)`).
  void passed(const CallExpr *CE, const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!F || !Seen || Depth >= 3 || isInStd(FD) || !FD->hasBody(Def))
      return;
    unsigned Skip = isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD);
    for (unsigned I = Skip; I < CE->getNumArgs(); ++I) {
      if (I - Skip >= Def->getNumParams() || !names(CE->getArg(I)))
        continue;
      ReleaseFinder Callee(Def->getParamDecl(I - Skip));
      Callee.Seen = Seen;
      Callee.Depth = Depth + 1;
      Callee.TraverseStmt(Def->getBody());
      if ((Found = Callee.Found))
        return;
    }
  }
  void follow(const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!Seen || Depth >= 3 || isInStd(FD) || !FD->hasBody(Def) ||
        !Seen->insert(Def).second)
      return;
    const auto *MD = dyn_cast<CXXMethodDecl>(Def);
    if (MD && isInStd(MD->getParent()))
      return;
    const auto *Field = dyn_cast_or_null<FieldDecl>(F);
    if (F && (!Field || !MD || MD->getParent() != Field->getParent()))
      return;
    ++Depth;
    TraverseStmt(Def->getBody());
    --Depth;
  }
  const ValueDecl *F;
  llvm::SmallPtrSet<const FunctionDecl *, 8> *Seen = nullptr;
  unsigned Depth = 0;
};

/// True if the destructor of RD has a body in which Finder finds a release.
bool destructorReleases(const CXXRecordDecl *RD, ReleaseFinder Finder) {
  const CXXDestructorDecl *D = RD ? RD->getDestructor() : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!D || !D->isUserProvided() || !D->hasBody(Def))
    return false;
  return Finder.search(Def->getBody());
}
} // namespace

bool TypeClassifier::ownsHeap(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  auto It = OwnsCache.find(RD);
  if (It != OwnsCache.end())
    return It->second;
  OwnsCache[RD] = false; // recursion guard
  bool Owns = false;
  if (isInStd(RD)) {
    RecordClass C = classify(RD);
    if (C == RecordClass::SmartPtr)
      Owns = RD->getName() == "unique_ptr";
    else if (C == RecordClass::Owner)
      if (const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &A : TS->getTemplateArgs().asArray())
          if (A.getKind() == TemplateArgument::Type && ownsHeap(A.getAsType()))
            Owns = true;
  } else {
    Owns = destructorReleases(RD, ReleaseFinder());
    Owns = Owns || anyPart(RD, [&](QualType T) { return ownsHeap(T); });
    Owns = Owns || soleSharedOwner(RD);
  }
  OwnsCache[RD] = Owns;
  return Owns;
}

bool TypeClassifier::soleSharedOwner(const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  auto [It, New] = SoleOwnerCache.try_emplace(RD, false);
  if (New)
    It->second = escape::soleSharedOwner(RD);
  return It->second;
}

bool TypeClassifier::ownsField(const FieldDecl *F) {
  QualType T = F->getType();
  if (T->isReferenceType())
    return false;
  if (!T->isPointerType())
    return classify(T) == RecordClass::SmartPtr &&
           (ownsHeap(T) ||
            soleSharedOwner(dyn_cast<CXXRecordDecl>(F->getParent())));
  // The destructor's search follows calls: once per field.
  auto [It, New] = OwnsFieldCache.try_emplace(F, false);
  if (New)
    It->second = destructorReleases(dyn_cast<CXXRecordDecl>(F->getParent()),
                                    ReleaseFinder(F));
  return It->second;
}

bool TypeClassifier::keepsByAnnotation(const CXXRecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  return RD && llvm::any_of(RD->ctors(), [](const CXXConstructorDecl *C) {
           return llvm::any_of(C->parameters(), [](const ParmVarDecl *P) {
             return P->hasAttr<LifetimeBoundAttr>();
           });
         });
}

bool TypeClassifier::holdsOnlyByAnnotation(const CXXRecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || classify(RD) != RecordClass::Plain || !keepsByAnnotation(RD))
    return false;
  return llvm::none_of(RD->fields(),
                       [&](const FieldDecl *F) {
                         return mayHoldAddress(F->getType());
                       }) &&
         llvm::none_of(RD->bases(), [&](const CXXBaseSpecifier &B) {
           return mayHoldAddress(B.getType());
         });
}

bool TypeClassifier::mayHoldAddress(QualType T) {
  if (T.isNull())
    return true;
  T = T.getCanonicalType();
  const Type *Ty = T.getTypePtr();
  // A function's address points at code: nothing is stored through it, and
  // no object dies under it.
  if (Ty->isFunctionPointerType() || Ty->isFunctionReferenceType())
    return false;
  if (Ty->isReferenceType() || Ty->isPointerType() || Ty->isBlockPointerType())
    return true;
  if (Ty->isDependentType())
    return true;
  if (Ty->isBuiltinType() || Ty->isEnumeralType() || Ty->isAnyComplexType() ||
      Ty->isVectorType() || Ty->isMemberPointerType() || Ty->isFunctionType() ||
      Ty->isNullPtrType())
    return false;
  if (const auto *AT = dyn_cast<ArrayType>(Ty))
    return mayHoldAddress(AT->getElementType());
  auto It = HoldCache.find(Ty);
  if (It != HoldCache.end())
    return It->second;
  // Recursive types hold a pointer to themselves anyway; assume yes while
  // the answer is being computed.
  HoldCache[Ty] = true;
  bool Holds = true;
  if (const CXXRecordDecl *RD = Ty->getAsCXXRecordDecl()) {
    const CXXRecordDecl *Def = RD->getDefinition();
    switch (classify(RD)) {
    case RecordClass::View:
    case RecordClass::SmartPtr:
    case RecordClass::Erased:
    case RecordClass::Thread:
      Holds = true;
      break;
    case RecordClass::Owner: {
      Holds = false;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
        for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
          if (A.getKind() == TemplateArgument::Type &&
              mayHoldAddress(A.getAsType()))
            Holds = true;
      } else if (!Def) {
        Holds = true;
      }
      break;
    }
    case RecordClass::Plain:
      if (!Def) {
        Holds = true;
        break;
      }
      Holds = keepsByAnnotation(Def);
      if (!Holds)
        for (const FieldDecl *F : Def->fields())
          if (mayHoldAddress(F->getType())) {
            Holds = true;
            break;
          }
      if (!Holds)
        for (const CXXBaseSpecifier &B : Def->bases())
          if (mayHoldAddress(B.getType())) {
            Holds = true;
            break;
          }
      break;
    }
  } else if (const auto *RT = Ty->getAs<RecordType>()) {
    Holds = false;
    for (const FieldDecl *F : RT->getDecl()->fields())
      if (mayHoldAddress(F->getType()))
        Holds = true;
  }
  HoldCache[Ty] = Holds;
  return Holds;
}

} // namespace escape
