//===- LibraryModels.cpp - Summaries of library callees -------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The standard library and libc are modelled, not analyzed: their bodies
// are large, full of allocator plumbing, and mostly absent (libc). The
// models follow the owner/view classification of TypeClass.h:
//
//  - an owner's members store their arguments into the owner (`push_back`)
//    and return references into it (`operator[]`, `data()`, `begin()`);
//  - a view's members return what the view points to (`substr`, `*it`);
//  - a smart pointer owns the pointer it is constructed from;
//  - std::thread's `detach` hands what the thread holds to {thread};
//  - free functions return what they are given when the types say so
//    (`std::min`, `std::lower_bound`, `std::ref`, `std::bind`).
//
// Functions declared without a body anywhere get Go's conservative default,
// marked unknown so that what it causes is only ever a maybe.
//
//===----------------------------------------------------------------------===//
#include "CaptureBySpelling.h"
#include "FunctionBuilder.h"
#include "InitializerList.h"
#include "clang-escape/Build/ModelTable.h"
#include "clang-escape/Support/LLVMCompat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace escape {

QualType firstTypeArg(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[0].getAsType();
}

namespace {

struct ModelBuilder {
  TUContext &TU;
  const FunctionDecl *FD;
  bool HasThis;
  FunctionSummary S;

  QualType paramType(unsigned Slot) const {
    return FD->getParamDecl(Slot - (HasThis ? 1 : 0))->getType();
  }
  unsigned firstParam() const { return HasThis ? 1 : 0; }
  ParamLeaks &slot(unsigned I) { return S.Slots[I]; }
  bool holds(QualType T) { return TU.Types.mayHoldAddress(T); }
  static QualType bare(QualType T) {
    return T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  }
  static const Decl *templateOf(QualType T) {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      return Spec->getSpecializedTemplate()->getCanonicalDecl();
    return RD->getCanonicalDecl();
  }
  bool sameTemplate(QualType A, QualType B) const {
    const Decl *TA = templateOf(bare(A)), *TB = templateOf(bare(B));
    return TA && TA == TB;
  }
  bool isAllocatorOrCallable(QualType T) const {
    const CXXRecordDecl *RD = bare(T)->getAsCXXRecordDecl();
    if (!RD)
      return false;
    if (RD->isLambda())
      return true;
    if (RD->getIdentifier() &&
        (RD->getName().contains("allocator") || RD->getName() == "less" ||
         RD->getName() == "hash" || RD->getName() == "equal_to" ||
         RD->getName() == "default_delete"))
      return true;
    return false;
  }
};

bool named(const FunctionDecl *FD, std::initializer_list<StringRef> Names) {
  if (!FD->getIdentifier())
    return false;
  for (StringRef N : Names)
    if (FD->getName() == N)
      return true;
  return false;
}

// libc: what each known function does with its pointer arguments.
void libcModel(ModelBuilder &M) {
  const FunctionDecl *FD = M.FD;
  unsigned N = FD->getNumParams();
  auto ToResult = [&](unsigned P) {
    if (P < N)
      M.slot(P).Result.merge(0, false, "");
  };
  if (named(FD, {"memcpy", "memmove", "mempcpy", "strcpy", "strncpy", "stpcpy",
                 "strcat", "strncat", "memset"})) {
    ToResult(0);
    if (N > 1 && !named(FD, {"memset"}))
      M.slot(1).Content[0].merge(1, false, "");
    return;
  }
  if (named(FD, {"strchr", "strrchr", "strstr", "strpbrk", "memchr", "memrchr",
                 "rawmemchr", "strchrnul", "fgets", "gets", "realpath",
                 "strcasestr"})) {
    ToResult(0);
    return;
  }
  if (named(FD, {"bsearch"})) {
    ToResult(1);
    return;
  }
  if (named(FD, {"strtok", "setvbuf", "setbuf", "putenv", "pthread_setspecific",
                 "atexit", "at_quick_exit", "on_exit"})) {
    for (unsigned I = 0; I < N; ++I)
      if (M.holds(FD->getParamDecl(I)->getType()))
        M.slot(I).Heap.merge(0, false, "");
    return;
  }
  if (named(FD, {"pthread_create"}) && N >= 4) {
    M.slot(3).Thread.merge(0, false, "");
    return;
  }
  if (named(FD, {"thrd_create"}) && N >= 3) {
    M.slot(2).Thread.merge(0, false, "");
    return;
  }
  // Other C functions keep nothing and return fresh or static storage
  // (getenv, strerror, localtime); the ones returning an argument are
  // listed above.
}

/// True if PT is one of RD's own iterator types: a position in the
/// container (`v.insert(pos, x)`), not something stored into it.
static bool isPositionIn(const CXXRecordDecl *RD, QualType PT) {
  if (!RD)
    return false;
  QualType T = PT.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  ASTContext &Ctx = RD->getASTContext();
  for (llvm::StringRef N : {"iterator", "const_iterator"})
    for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get(N)))
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        if (Ctx.hasSameType(TD->getUnderlyingType().getCanonicalType(), T))
          return true;
  return false;
}

/// A member of a [[gsl::Owner]] or [[gsl::Pointer]] class whose meaning the
/// annotation fixes: constructors, conversions, assignments, and the
/// accessors clang's -Wdangling tracks (begin/end/data/c_str/operator*,
/// ->, []). Any other member of such a class (`release()`, `valueNoLB()`)
/// says nothing and keeps the default.
bool gslMember(const CXXMethodDecl *MD) {
  const CXXRecordDecl *RD = MD->getParent();
  if (!RD->hasAttr<OwnerAttr>() && !RD->hasAttr<PointerAttr>())
    return false;
  if (isa<CXXConstructorDecl>(MD) || isa<CXXConversionDecl>(MD))
    return true;
  switch (MD->getOverloadedOperator()) {
  case OO_Equal:
  case OO_Star:
  case OO_Arrow:
  case OO_Subscript:
    return true;
  default:
    break;
  }
  static constexpr llvm::StringLiteral Tracked[] = {
      "begin", "cbegin", "rbegin", "crbegin", "end", "cend",
      "rend",  "crend",  "data",   "c_str",   "get", "value"};
  return MD->getIdentifier() && llvm::is_contained(Tracked, MD->getName());
}

/// The std class that \p T names (through references and cv), or null.
static const CXXRecordDecl *stdRecord(QualType T, llvm::StringRef Name) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == Name &&
                 RD->isInStdNamespace()
             ? RD
             : nullptr;
}

/// The element type of container \p RD when its elements are its first
/// template argument (a vector's, a set's, an optional's; not a map's
/// pairs); null otherwise.
static QualType elementType(const CXXRecordDecl *RD) {
  QualType Elem = firstTypeArg(RD);
  if (Elem.isNull())
    return QualType();
  ASTContext &Ctx = RD->getASTContext();
  for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get("value_type")))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      if (Ctx.hasSameType(TD->getUnderlyingType(), Elem))
        return Elem;
  return QualType();
}

/// std::atomic, or the base the standard library implements its members
/// in (libstdc++'s and libc++'s `__atomic_base`): an object holding one
/// value, read and written as a whole.
static bool holdsAtomically(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier() || !RD->isInStdNamespace())
    return false;
  StringRef N = RD->getName();
  return N == "atomic" || N == "__atomic_base";
}

/// True if one of parameters [From, To) is std::piecewise_construct.
bool piecewise(ModelBuilder &M, unsigned From, size_t To) {
  for (unsigned I = From; I < To; ++I)
    if (stdRecord(M.paramType(I), "piecewise_construct_t"))
      return true;
  return false;
}

/// The element types of std::tuple or std::pair \p RD (a pack expanded);
/// false for any other class.
bool tupleElements(const CXXRecordDecl *RD,
                   llvm::SmallVectorImpl<TemplateArgument> &Elems) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || !Spec->isInStdNamespace() ||
      (Spec->getName() != "tuple" && Spec->getName() != "pair"))
    return false;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Pack)
      Elems.append(A.pack_begin(), A.pack_end());
    else
      Elems.push_back(A);
  return true;
}

bool isReference(llvm::ArrayRef<TemplateArgument> Elems, uint64_t I) {
  return I < Elems.size() && Elems[I].getKind() == TemplateArgument::Type &&
         Elems[I].getAsType()->isReferenceType();
}

/// For a constructor of a std::tuple or std::pair given one argument per
/// element (after `std::allocator_arg, alloc`): true if the element that
/// parameter \p I builds is a reference, which keeps the argument's
/// address (`std::pair<int, const int &>{1, x}`).
bool buildsReferenceElement(ModelBuilder &M, unsigned I) {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(M.FD);
  llvm::SmallVector<TemplateArgument, 4> Elems;
  if (!Ctor || !tupleElements(Ctor->getParent(), Elems))
    return false;
  unsigned First = M.firstParam();
  unsigned N = M.S.Slots.size();
  if (N - First == Elems.size() + 2 &&
      stdRecord(M.paramType(First), "allocator_arg_t"))
    First += 2;
  return N - First == Elems.size() && I >= First &&
         isReference(Elems, I - First);
}

/// For a constructor of a std::tuple or std::pair given another one
/// (`std::tuple<T> t(std::forward_as_tuple(x))`) as parameter \p I: the
/// level of the argument the object keeps. Each element is built from the
/// other's: a reference element keeps what the other's holds, a value
/// element built from a reference copies what it refers to. -1: not such
/// a constructor.
int fromOtherTuple(ModelBuilder &M, unsigned I) {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(M.FD);
  llvm::SmallVector<TemplateArgument, 4> Elems, From;
  QualType PT = M.paramType(I);
  if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
      !tupleElements(Ctor->getParent(), Elems) ||
      !tupleElements(PT.getNonReferenceType()->getAsCXXRecordDecl(), From) ||
      Elems.size() != From.size() || I + 1 != M.S.Slots.size())
    return -1;
  int Base = PT->isReferenceType() ? 1 : 0;
  int Level = INT_MAX;
  for (uint64_t E = 0; E < Elems.size(); ++E)
    Level = std::min(Level,
                     Base + (!isReference(Elems, E) && isReference(From, E)));
  return Level == INT_MAX ? -1 : Level;
}

void storeArgsIntoThis(ModelBuilder &M, bool OwnerCopy, bool PointerLevel0) {
  const auto *MD = dyn_cast<CXXMethodDecl>(M.FD);
  // emplace(view) into a container of owners builds an owner from the
  // view in place (`v.emplace_back(std::string_view(s))` into a vector of
  // strings): the element copies what the view shows, not the view.
  QualType Elem;
  if (OwnerCopy && MD && MD->getIdentifier() &&
      MD->getName().starts_with("emplace"))
    Elem = elementType(MD->getParent());
  if (!Elem.isNull() &&
      (!M.TU.Types.isOwner(Elem) || M.TU.Types.isPointerLike(Elem)))
    Elem = QualType();
  // emplace(std::piecewise_construct, tuple, tuple) builds each part from
  // what a tuple refers to: the tuples' references are not kept.
  bool Piecewise = piecewise(M, M.firstParam(), M.S.Slots.size());
  for (unsigned I = M.firstParam(); I < M.S.Slots.size(); ++I) {
    QualType PT = M.paramType(I);
    if (Piecewise && stdRecord(PT, "tuple")) {
      M.slot(I).Content[0].merge(PT->isReferenceType() ? 2 : 1, false, "");
      continue;
    }
    if (M.isAllocatorOrCallable(PT) && !OwnerCopy)
      continue;
    // The position of insert(pos, ...), erase(first, last); the range of
    // assign(first, last) and insert(pos, first, last) is copied.
    if (OwnerCopy && MD && isPositionIn(MD->getParent(), PT) &&
        (I == M.firstParam() ||
         (MD->getIdentifier() && MD->getName() == "erase")))
      continue;
    if (pointsToChars(PT))
      continue; // strings, exception messages: the bytes are copied
    // A string built from a view or an iterator range copies characters.
    if (OwnerCopy && MD && MD->getParent()->getName() == "basic_string" &&
        M.TU.Types.isPointerLike(PT.getNonReferenceType()))
      continue;
    if (!Elem.isNull() &&
        M.TU.Types.classify(PT.getNonReferenceType()) == RecordClass::View &&
        !M.sameTemplate(PT, Elem)) {
      // A string's characters hold no address.
      if (stdRecord(Elem, "basic_string"))
        continue;
      M.slot(I).Content[0].merge(PT->isReferenceType() ? 2 : 1, false, "");
      continue;
    }
    int Level;
    if (int L = fromOtherTuple(M, I); L >= 0)
      Level = L;
    else if (!initializerListElement(PT).isNull())
      Level = 1; // the library copies the elements, never keeps the list
    else if (PT->isReferenceType())
      Level = buildsReferenceElement(M, I) ? 0 : 1;
    else if (PT->isPointerType())
      Level = PointerLevel0 ? 0 : 1;
    else if (!M.holds(PT))
      continue;
    else if (OwnerCopy && M.TU.Types.isPointerLike(PT))
      Level = 1; // iterator ranges and views are copied element-wise
    else
      Level = 0;
    M.slot(I).Content[0].merge(Level, false, "");
  }
}

/// The object keeps copies of all its arguments, callables included
/// (std::thread, std::function, std::any).
void copyArgsIntoThis(ModelBuilder &M) {
  for (unsigned I = 1; I < M.S.Slots.size(); ++I) {
    QualType PT = M.paramType(I);
    if (PT->isReferenceType())
      M.slot(I).Content[0].merge(1, false, "");
    else if (M.holds(PT))
      M.slot(I).Content[0].merge(0, false, "");
  }
}

void methodModel(ModelBuilder &M, const CXXMethodDecl *MD) {
  RecordClass RC = M.TU.Types.classify(MD->getParent());
  QualType RT = MD->getReturnType();
  QualType Self = recordTypeOf(M.TU.Ctx, MD->getParent());
  bool Ctor = isa<CXXConstructorDecl>(MD);
  StringRef Name = MD->getIdentifier() ? MD->getName() : "";
  ParamLeaks &This = M.slot(0);

  // An allocator's allocate() returns fresh memory, never its own address
  // (`std::allocator<T>().allocate(n)`): an allocation site in the caller,
  // as `new` is; deallocate() keeps nothing.
  if ((Name == "allocate" || Name == "deallocate") &&
      MD->getParent()->getIdentifier() &&
      MD->getParent()->getName().contains("allocator")) {
    M.S.ReturnsAlloc =
        Name == "allocate" && MD->getReturnType()->isPointerType();
    return;
  }
  // An insert iterator's assignment (`*std::back_inserter(v) = x`) adds a
  // copy of x to the container it refers to (its `container` member, as
  // the standard names it), as push_back does, and returns itself.
  if (MD->getOverloadedOperator() == OO_Equal &&
      MD->getParent()->getIdentifier() &&
      MD->getParent()->getName().ends_with("insert_iterator") &&
      M.S.Slots.size() > 1) {
    QualType PT = M.paramType(1);
    const FieldDecl *Container = nullptr;
    for (const FieldDecl *F : MD->getParent()->fields())
      if (F->getIdentifier() && F->getName() == "container")
        Container = F;
    if (M.sameTemplate(PT, Self))
      M.slot(1).Content[0].merge(PT->isReferenceType() ? 1 : 0, false, "");
    else if (Container)
      M.slot(1)
          .FieldContent[FieldRef{0,
                                 "*" + Container->getQualifiedNameAsString()}]
          .merge(PT->isReferenceType() ? 1 : 0, false, "");
    This.Result.merge(0, false, "");
    return;
  }
  if (RC == RecordClass::Thread) {
    // The thread object holds copies of the callable and its arguments.
    if (Ctor)
      copyArgsIntoThis(M);
    if (Name == "detach")
      This.Thread.merge(1, false, "std::thread::detach");
    return;
  }
  if (RC == RecordClass::Erased) {
    if (Ctor || MD->getOverloadedOperator() == OO_Equal || Name == "emplace") {
      copyArgsIntoThis(M);
      return;
    }
    if (MD->getOverloadedOperator() == OO_Call) {
      // The stored callable is unknown: it may keep its arguments.
      for (unsigned I = 1; I < M.S.Slots.size(); ++I)
        if (M.paramType(I)->isReferenceType() || M.holds(M.paramType(I)))
          M.slot(I).Heap.merge(0, true, "call through std::function");
      if (RT->isReferenceType() || M.holds(RT))
        This.Result.merge(1, true, "");
      return;
    }
    if (RT->isReferenceType() || RT->isPointerType())
      This.Result.merge(0, false, "");
    return;
  }
  if (RC == RecordClass::SmartPtr) {
    if (Ctor || MD->getOverloadedOperator() == OO_Equal || Name == "reset") {
      for (unsigned I = 1; I < M.S.Slots.size(); ++I) {
        QualType PT = M.paramType(I);
        if (PT->isPointerType())
          M.slot(I).Content[0].merge(0, false, "");
        else if (PT->isReferenceType() && M.sameTemplate(PT, Self))
          M.slot(I).Content[0].merge(1, false, "");
        else if (PT->isReferenceType() &&
                 M.TU.Types.classify(PT) == RecordClass::SmartPtr)
          M.slot(I).Content[0].merge(1, false, "");
      }
    }
    if (Name == "swap" && M.S.Slots.size() > 1) {
      M.slot(1).Content[0].merge(1, false, "");
      This.Content[1].merge(1, false, "");
    }
    if (MD->getOverloadedOperator() == OO_Equal)
      This.Result.merge(0, false, "");
    else if (RT->isReferenceType() || RT->isPointerType() || M.holds(RT))
      This.Result.merge(1, false, "");
    return;
  }
  if (RC == RecordClass::View) {
    if (Ctor) {
      for (unsigned I = 1; I < M.S.Slots.size(); ++I) {
        QualType PT = M.paramType(I);
        if (PT->isReferenceType()) {
          bool Copy = M.sameTemplate(PT, Self) ||
                      M.TU.Types.isPointerLike(PT.getNonReferenceType());
          M.slot(I).Content[0].merge(Copy ? 1 : 0, false, "");
        } else if (M.holds(PT)) {
          M.slot(I).Content[0].merge(0, false, "");
        }
      }
      return;
    }
    if (MD->getOverloadedOperator() == OO_Equal) {
      // A copy of another view; assigned an owner (a [[gsl::Pointer]]'s
      // `operator=(const Owner &)`), a view of it.
      if (M.S.Slots.size() > 1) {
        QualType PT = M.paramType(1);
        bool Copy = !PT->isReferenceType() || M.sameTemplate(PT, Self) ||
                    M.TU.Types.isPointerLike(PT.getNonReferenceType());
        M.slot(1).Content[0].merge(Copy ? 1 : 0, false, "");
      }
      This.Result.merge(0, false, "");
      return;
    }
    if (RT->isReferenceType()) {
      bool Itself = M.sameTemplate(RT, Self);
      This.Result.merge(Itself ? 0 : 1, false, "");
    } else if (RT->isPointerType() || M.holds(RT)) {
      This.Result.merge(1, false, "");
    }
    return;
  }
  // Owners and plain library classes (pair, tuple, atomic, ...).
  bool Owner = RC == RecordClass::Owner;
  // An empty class (`std::ignore`'s type, a tag, a stateless functor) has
  // no member to keep an argument in. Not an owner: a container declared
  // without its members (a test's stand-in for <vector>) still holds them.
  bool Empty =
      !Owner && MD->getParent()->hasDefinition() && MD->getParent()->isEmpty();
  if (!Empty &&
      (Ctor || MD->getOverloadedOperator() == OO_Equal ||
       MD->getOverloadedOperator() == OO_PlusEqual ||
       (Owner && !MD->isConst() && Name != "find" && Name != "count" &&
        Name != "contains" && Name != "at" && Name != "equal_range" &&
        Name != "lower_bound" && Name != "upper_bound" && Name != "erase" &&
        Name != "extract" && Name != "remove" && Name != "remove_if")))
    storeArgsIntoThis(M, Owner, !Owner);
  // emplace_back(s) into a container of views builds a view of s in place:
  // the element borrows what the argument refers to; so does an optional
  // of a view constructed or assigned from an owner (`std::optional<
  // std::string_view> o = std::string();`), but not from a copy of itself.
  if (Owner && (Name.starts_with("emplace") || isa<CXXConstructorDecl>(MD) ||
                MD->getOverloadedOperator() == OO_Equal))
    if (QualType Elem = firstTypeArg(MD->getParent());
        !Elem.isNull() && M.TU.Types.isPointerLike(Elem))
      for (unsigned I = 1; I < M.S.Slots.size(); ++I) {
        QualType PT = M.paramType(I);
        if (!PT->isReferenceType() ||
            !(M.TU.Types.isOwner(PT) ||
              PT.getNonReferenceType()->isArrayType()))
          continue;
        if (const Decl *TD = M.templateOf(PT.getNonReferenceType());
            TD && TD == M.templateOf(recordTypeOf(M.TU.Ctx, MD->getParent()))) {
          // optional<string_view> from optional<string>: a view of the
          // other's value; from optional<string_view>: a copy.
          QualType Other =
              firstTypeArg(PT.getNonReferenceType()->getAsCXXRecordDecl());
          if (Other.isNull() || !M.TU.Types.isOwner(Other))
            continue;
        }
        M.slot(I).Content[0].merge(0, false, "");
      }
  if (Name == "swap" && M.S.Slots.size() > 1)
    This.Content[1].merge(1, false, "");
  if (Ctor)
    return;
  // std::atomic<T *>: load(), operator T *(), exchange(), fetch_add() and
  // the increments return the pointer the atomic holds, a copy of its value,
  // never the atomic's own address.
  if (RT->isPointerType() && holdsAtomically(MD->getParent())) {
    This.Result.merge(1, false, "");
    return;
  }
  // A copy of the element returned by value (`optional<T *>::value_or(d)`):
  // what the element holds, or the default it is given, never the owner's
  // own address.
  if (QualType Elem = Owner ? firstTypeArg(MD->getParent()) : QualType();
      !Elem.isNull() && !RT->isReferenceType() && M.bare(Elem) == M.bare(RT)) {
    if (!M.holds(RT))
      return;
    This.Result.merge(1, false, "");
    for (unsigned I = 1; I < M.S.Slots.size(); ++I)
      if (QualType PT = M.paramType(I); PT->isReferenceType() || M.holds(PT))
        M.slot(I).Result.merge(PT->isReferenceType() ? 1 : 0, false, "");
    return;
  }
  if (RT->isReferenceType() || RT->isPointerType()) {
    This.Result.merge(0, false, "");
  } else if (M.holds(RT)) {
    bool Copy = M.TU.Types.isOwner(RT) && !M.TU.Types.isPointerLike(RT);
    This.Result.merge(Owner && !Copy ? 0 : 1, false, "");
  }
}

/// For `std::get<I>(t)` on a tuple or pair whose element I is a reference
/// (`std::forward_as_tuple(a, b)`): true. The result is what the element
/// refers to, not a place inside the tuple.
static bool getsReferenceElement(const FunctionDecl *FD) {
  const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
  if (!named(FD, {"get"}) || !Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Integral ||
      FD->getNumParams() != 1)
    return false;
  llvm::SmallVector<TemplateArgument, 4> Elems;
  return tupleElements(FD->getParamDecl(0)
                           ->getType()
                           .getNonReferenceType()
                           ->getAsCXXRecordDecl(),
                       Elems) &&
         isReference(Elems, Args->get(0).getAsIntegral().getZExtValue());
}

/// The parameter of a standard algorithm that writes to an output range
/// whose position it returns (`copy`'s destination, `fill_n`'s first), or
/// -1. An execution policy before the arguments moves it one on.
static int outputArgument(const FunctionDecl *FD) {
  if (!FD->getIdentifier())
    return -1;
  int Out =
      llvm::StringSwitch<int>(FD->getName())
          .Cases("copy", "copy_if", "copy_n", "copy_backward", "move", 2)
          .Cases("move_backward", "uninitialized_copy", "uninitialized_copy_n",
                 "uninitialized_move", "reverse_copy", 2)
          .Cases("remove_copy", "remove_copy_if", "replace_copy",
                 "replace_copy_if", "unique_copy", 2)
          .Cases("partial_sum", "adjacent_difference", "inclusive_scan",
                 "exclusive_scan", "swap_ranges", 2)
          .Cases("transform_inclusive_scan", "transform_exclusive_scan",
                 "transform", 2)
          .Cases("fill_n", "generate_n", "uninitialized_fill_n",
                 "uninitialized_default_construct_n",
                 "uninitialized_value_construct_n", 0)
          .Case("rotate_copy", 3)
          .Cases("merge", "set_union", "set_intersection", "set_difference",
                 "set_symmetric_difference", 4)
          .Default(-1);
  if (Out < 0)
    return -1;
  unsigned Policy = 0;
  if (FD->getNumParams() > 0) {
    QualType P0 = FD->getParamDecl(0)->getType().getNonReferenceType();
    if (const CXXRecordDecl *RD = P0->getAsCXXRecordDecl())
      Policy = RD->getIdentifier() && RD->getName().ends_with("_policy");
  }
  // Binary transform: (first1, last1, first2, out, op).
  if (FD->getName() == "transform" && FD->getNumParams() == 5 + Policy)
    Out = 3;
  return Out + static_cast<int>(Policy);
}

void freeStdModel(ModelBuilder &M) {
  const FunctionDecl *FD = M.FD;
  QualType RT = FD->getReturnType();
  unsigned N = M.S.Slots.size();
  // allocator_traits<A>::allocate(a, n): fresh memory from the allocator,
  // as its allocate() gives.
  if (named(FD, {"allocate"}) && RT->isPointerType()) {
    M.S.ReturnsAlloc = true;
    return;
  }
  if (getsReferenceElement(FD)) {
    M.slot(0).Result.merge(1, false, "");
    return;
  }
  if (named(FD, {"ref", "cref", "addressof", "any_cast", "get", "get_if", "tie",
                 "forward_as_tuple", "data", "begin", "end", "cbegin", "cend",
                 "rbegin", "rend", "as_const", "launder", "to_address"})) {
    for (unsigned I = 0; I < N; ++I) {
      QualType PT = M.paramType(I);
      if (PT->isReferenceType() || PT->isPointerType() ||
          M.TU.Types.isPointerLike(PT))
        M.slot(I).Result.merge(0, false, "");
    }
    return;
  }
  if (named(FD, {"swap", "iter_swap"}) && N == 2) {
    // Each side receives what the other held.
    M.slot(0).Content[1].merge(1, false, "");
    M.slot(1).Content[0].merge(1, false, "");
    return;
  }
  if (named(FD, {"exchange"}) && N == 2) {
    QualType New = M.paramType(1);
    M.slot(1).Content[0].merge(New->isReferenceType() ? 1 : 0, false, "");
    M.slot(0).Result.merge(1, false, "");
    return;
  }
  // construct_at(p, args...), allocator_traits<A>::construct(a, p, args...):
  // the object built at p holds what its arguments hold.
  if (named(FD, {"construct_at", "construct"})) {
    unsigned P = FD->getName() == "construct" ? 1 : 0; // after the allocator
    if (P < N && M.paramType(P)->isPointerType()) {
      // An owner built from an iterator range (`vector(first, last)`, two
      // arguments of the same pointer-like type) copies the elements.
      QualType T = M.paramType(P)->getPointeeType();
      auto Iterator = [&](unsigned I) {
        QualType AT = M.paramType(I).getNonReferenceType().getUnqualifiedType();
        return AT->isPointerType() || M.TU.Types.isPointerLike(AT);
      };
      bool Range = M.TU.Types.isOwner(T) && !M.TU.Types.isPointerLike(T) &&
                   P + 2 < N && Iterator(P + 1) &&
                   M.TU.Ctx.hasSameUnqualifiedType(
                       M.paramType(P + 1).getNonReferenceType(),
                       M.paramType(P + 2).getNonReferenceType());
      // Built piecewise, each part from what a tuple refers to: the
      // tuples' references are not kept (as emplace's).
      bool Piecewise = piecewise(M, P + 1, N);
      // An object that can hold no address (`std::pair<const std::string,
      // int>` built from a view) keeps nothing of its arguments.
      bool Holds = M.TU.Types.mayHoldAddress(T);
      for (unsigned I = P + 1; I < N && Holds; ++I) {
        int Below = Range && I <= P + 2 ? 1 : 0;
        if (Piecewise && stdRecord(M.paramType(I), "tuple"))
          Below = 1;
        M.slot(I).Content[P].merge(
            (M.paramType(I)->isReferenceType() ? 1 : 0) + Below, false, "");
      }
      M.slot(P).Result.merge(0, false, "");
      return;
    }
  }
  // std::align returns the pointer it is given (`void *&ptr`), moved
  // forward within the same buffer.
  if (named(FD, {"align"}) && N == 4 && M.paramType(2)->isReferenceType()) {
    M.slot(2).Result.merge(1, false, "");
    return;
  }
  if (named(FD, {"async"})) {
    for (unsigned I = 0; I < N; ++I)
      if (M.paramType(I)->isReferenceType())
        M.slot(I).Result.merge(1, false, "");
    return;
  }
  if (named(FD, {"atexit", "at_quick_exit", "signal", "set_terminate",
                 "set_new_handler"}))
    return;
  if (RT->isVoidType())
    return;
  // An algorithm writing to an output range returns a position in that
  // range only, not in its input or a value it was given.
  if (int Out = outputArgument(FD); Out >= 0) {
    if (static_cast<unsigned>(Out) < N)
      M.slot(Out).Result.merge(M.paramType(Out)->isReferenceType() ? 1 : 0,
                               false, "");
    return;
  }
  if (RT->isReferenceType() || RT->isPointerType()) {
    QualType U = RT->isReferenceType() ? M.bare(RT.getNonReferenceType())
                                       : M.bare(RT->getPointeeType());
    for (unsigned I = 0; I < N; ++I) {
      QualType PT = M.paramType(I);
      if (M.isAllocatorOrCallable(PT))
        continue;
      QualType V = PT->isReferenceType() ? M.bare(PT.getNonReferenceType())
                   : PT->isPointerType() ? M.bare(PT->getPointeeType())
                                         : QualType();
      // A value given by reference to an algorithm returning a position
      // (`std::find(first, last, value)`) is compared, not returned.
      if (V.isNull() || (RT->isPointerType() && PT->isReferenceType()))
        continue;
      bool Same = V == U;
      if (!Same)
        if (const CXXRecordDecl *VR = V->getAsCXXRecordDecl())
          if (const CXXRecordDecl *UR = U->getAsCXXRecordDecl())
            // isDerivedFrom needs a definition: a `namespace std` of the
            // program's own may declare its classes only.
            Same = VR->hasDefinition() && VR->isDerivedFrom(UR);
      if (Same)
        M.slot(I).Result.merge(0, false, "");
    }
    return;
  }
  if (!M.holds(RT))
    return;
  if (M.TU.Types.isPointerLike(RT)) {
    // An algorithm given iterators of the type it returns (`lower_bound(
    // first, last, value, comp)`, `find(first, last, value)`) returns a
    // position among them: the value it is given is compared, not returned.
    auto Position = [&](unsigned I) {
      QualType PT = M.paramType(I);
      return !PT->isReferenceType() && M.bare(PT) == M.bare(RT);
    };
    bool AmongPositions = !isa<CXXMethodDecl>(FD);
    if (AmongPositions) {
      AmongPositions = false;
      for (unsigned I = 0; I < N; ++I)
        AmongPositions |= Position(I);
    }
    for (unsigned I = 0; I < N; ++I) {
      QualType PT = M.paramType(I);
      if (M.isAllocatorOrCallable(PT) || (AmongPositions && !Position(I)))
        continue;
      if (!PT->isReferenceType() && M.TU.Types.isPointerLike(PT))
        M.slot(I).Result.merge(0, false, "");
      else if (PT->isPointerType())
        M.slot(I).Result.merge(0, false, "");
      else if (PT->isReferenceType() && M.TU.Types.isOwner(PT))
        M.slot(I).Result.merge(0, false, "");
      else if (PT->isReferenceType() && M.TU.Types.isPointerLike(PT))
        M.slot(I).Result.merge(1, false, "");
    }
    return;
  }
  // A class returned by value that holds addresses (bind, pair, tuple):
  // it copies what it is given.
  for (unsigned I = 0; I < N; ++I) {
    QualType PT = M.paramType(I);
    if (PT->isReferenceType())
      M.slot(I).Result.merge(1, false, "");
    else if (M.holds(PT))
      M.slot(I).Result.merge(0, false, "");
  }
}

/// An assignment operator (`=`, `+=`, `<<=`, ...) returning a reference
/// to its own class.
bool returnsItself(const CXXMethodDecl *MD) {
  switch (MD->getOverloadedOperator()) {
  case OO_Equal:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_CaretEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
    break;
  default:
    return false;
  }
  QualType RT = MD->getReturnType();
  if (!RT->isLValueReferenceType())
    return false;
  const CXXRecordDecl *RD = RT->getPointeeType()->getAsCXXRecordDecl();
  return RD && RD->getCanonicalDecl() == MD->getParent()->getCanonicalDecl();
}

/// `T &get() [[clang::lifetimebound]];`: the attribute on the function's
/// type says the result refers to the object (`this`), on any declaration.
bool thisIsLifetimeBound(const FunctionDecl *FD) {
  for (const FunctionDecl *D : FD->redecls()) {
    const TypeSourceInfo *TSI = D->getTypeSourceInfo();
    if (!TSI)
      continue;
    for (TypeLoc TL = TSI->getTypeLoc();;) {
      auto ATL = TL.getAsAdjusted<AttributedTypeLoc>();
      if (!ATL)
        break;
      if (ATL.getAttrAs<LifetimeBoundAttr>())
        return true;
      TL = ATL.getModifiedLoc();
    }
  }
  return false;
}

/// Whether an implicit lifetime_capture_by that Clang inferred for a method
/// of a standard container is about storing an address: Clang 20 and later
/// mark a pointer-like argument of `insert`, `push_back`, ... as captured
/// by the container, also for `std::basic_string`, whose elements are
/// characters copied out of a `string_view` argument.
[[maybe_unused]] bool inferredCaptureCopies(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->getParent()->isInStdNamespace())
    return false;
  const IdentifierInfo *II = MD->getParent()->getIdentifier();
  return II && II->getName() == "basic_string";
}

/// [[clang::lifetime_capture_by(X)]] on parameter I: the argument is stored
/// into what X refers to (a parameter, `this`), or somewhere global. Clang
/// numbers X as the slots are numbered: `this` is 0 in a method, the first
/// parameter 0 in a function without `this`.
void applyCaptureBy(ModelBuilder &M, unsigned I, const ParmVarDecl *P) {
  // A reference to a view or pointer captures what the view points to, not
  // the view (`insert(pos, T &&)` of a container of views, as clang infers).
  QualType PT = P->getType();
  unsigned Level = PT->isReferenceType() &&
                           (PT.getNonReferenceType()->isPointerType() ||
                            M.TU.Types.isPointerLike(PT.getNonReferenceType()))
                       ? 1
                       : 0;
#if CLANG_VERSION_MAJOR >= 20
  if (const auto *A = P->getAttr<LifetimeCaptureByAttr>()) {
    if (A->isImplicit() && inferredCaptureCopies(M.FD))
      return;
    if (M.S.Unknown)
      M.slot(I) = ParamLeaks();
    for (int J : A->params()) {
      if (J == LifetimeCaptureByAttr::Global ||
          J == LifetimeCaptureByAttr::Unknown)
        M.slot(I).Heap.merge(Level, false, "[[clang::lifetime_capture_by]]");
      else if (J >= 0 && J < static_cast<int>(M.S.Slots.size()) &&
               J != static_cast<int>(I))
        M.slot(I).Content[J].merge(Level, false,
                                   "[[clang::lifetime_capture_by]]");
    }
    return;
  }
#endif
  // Clang 19 drops the attribute, and later versions drop it from a
  // parameter with a default argument; its spelling says the same.
  llvm::SmallVector<llvm::StringRef, 2> Targets = spelledCaptureBy(P);
  if (!Targets.empty() && M.S.Unknown)
    M.slot(I) = ParamLeaks();
  for (llvm::StringRef X : Targets) {
    if (X == "global" || X == "unknown") {
      M.slot(I).Heap.merge(Level, false, "[[clang::lifetime_capture_by]]");
      continue;
    }
    int J = -1;
    if (X == "this" && M.HasThis)
      J = 0;
    for (unsigned K = 0; K < M.FD->getNumParams(); ++K)
      if (M.FD->getParamDecl(K)->getName() == X)
        J = static_cast<int>(K + M.firstParam());
    if (J >= 0 && J != static_cast<int>(I))
      M.slot(I).Content[J].merge(Level, false,
                                 "[[clang::lifetime_capture_by]]");
  }
}

void applyAttributes(ModelBuilder &M) {
  if (M.HasThis && !M.S.Slots.empty() && thisIsLifetimeBound(M.FD)) {
    if (M.S.Unknown)
      M.slot(0) = ParamLeaks();
    M.slot(0).Result.merge(0, false, "[[clang::lifetimebound]]");
  }
  for (unsigned I = M.firstParam(); I < M.S.Slots.size(); ++I) {
    const ParmVarDecl *P = M.FD->getParamDecl(I - M.firstParam());
    if (P->hasAttr<NoEscapeAttr>())
      M.slot(I) = ParamLeaks();
    if (P->hasAttr<LifetimeBoundAttr>()) {
      // The attribute documents the parameter: it reaches the result (for
      // a constructor, the object constructed) and, for a function we
      // cannot see, nothing else is assumed.
      if (M.S.Unknown)
        M.slot(I) = ParamLeaks();
      if (isa<CXXConstructorDecl>(M.FD) && M.HasThis)
        M.slot(I).Content[0].merge(0, false, "[[clang::lifetimebound]]");
      else
        M.slot(I).Result.merge(0, false, "[[clang::lifetimebound]]");
    }
    applyCaptureBy(M, I, P);
  }
}

} // namespace

std::string modelName(const FunctionDecl *FD) {
  std::string Name = FD->getNameAsString();
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name = NS->getName().str() + "::" + Name;
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Name = RD->getName().str() + "::" + Name;
    }
  }
  return Name;
}

/// What a reference or pointer argument refers to flows only as deep as
/// it holds addresses: a `const std::vector<int> &` gives its address and
/// nothing at level 1. A caller that keeps the argument's object whole (a
/// member `o.tree_` of a parameter's object) would otherwise read the
/// whole object there, with what its other members point to.
static void onlyAddresses(ModelBuilder &M) {
  for (unsigned I = 0; I < M.S.Slots.size(); ++I) {
    QualType T;
    if (M.HasThis && I == 0) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(M.FD))
        T = MD->getThisType()->getPointeeType();
    } else {
      T = M.paramType(I);
      if (!T->isReferenceType() && !T->isPointerType())
        continue;
      T = T->isReferenceType() ? T.getNonReferenceType() : T->getPointeeType();
    }
    if (T.isNull() || T->isDependentType() || T->isIncompleteType() ||
        T->isVoidType() || M.holds(T))
      continue;
    ParamLeaks &L = M.slot(I);
    for (Leak *Lk : {&L.Heap, &L.Thread, &L.Coro, &L.Result})
      if (Lk->Level >= 1)
        *Lk = Leak();
    auto Shallow = [](auto &Map) {
      for (auto It = Map.begin(); It != Map.end();)
        It = It->second.Level >= 1 ? Map.erase(It) : std::next(It);
    };
    Shallow(L.Content);
    Shallow(L.FieldContent);
  }
}

std::optional<FunctionSummary> libraryModel(TUContext &TU,
                                            const FunctionDecl *FD,
                                            unsigned NumSlots, bool HasThis) {
  ModelBuilder M{TU, FD, HasThis, {}};
  M.S.Name = FD->getQualifiedNameAsString();
  M.S.Slots.resize(NumSlots);
  if (TU.Opts.Models)
    if (const FunctionModel *FM = TU.Opts.Models->find(modelName(FD));
        FM && !(FM->Params.empty() && FM->Waits)) {
      // A model overrides the built-in rules.
      auto SlotOf = [&](int I) { return I < 0 ? 0 : I + (HasThis ? 1 : 0); };
      for (auto &[I, PM] : FM->Params) {
        int S = SlotOf(I);
        if ((I < 0 && !HasThis) || S >= static_cast<int>(NumSlots) ||
            PM.NoEscape)
          continue;
        ParamLeaks L = PM.Leaks;
        L.Content.clear();
        for (auto &[J, Lk] : PM.Leaks.Content)
          if (!(J < 0 && !HasThis) && SlotOf(J) < static_cast<int>(NumSlots))
            L.Content[SlotOf(J)] = Lk;
        M.S.Slots[S] = L;
      }
      return M.S;
    }
  bool System = TU.library(FD->getLocation());
  if (isInStd(FD)) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && HasThis)
      methodModel(M, MD);
    else
      freeStdModel(M);
    onlyAddresses(M);
  } else if (FD->isExternC() || FD->getBuiltinID() || System) {
    libcModel(M);
  } else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
             MD && HasThis && gslMember(MD)) {
    // A class annotated [[gsl::Owner]] or [[gsl::Pointer]] says what its
    // members do as the standard's owners and views do: a Pointer built
    // from an Owner refers into it, an Owner's accessors return pointers
    // into it. Facts, as clang's -Wdangling takes them.
    methodModel(M, MD);
  } else {
    // Declared here, defined elsewhere (or nowhere we can see): Go's
    // conservative default, as a maybe.
    M.S.Unknown = true;
    for (unsigned I = 0; I < NumSlots; ++I) {
      QualType T = (HasThis && I == 0) ? TU.Ctx.getPointerType(TU.Ctx.VoidTy)
                                       : M.paramType(I);
      if (T->isReferenceType() || TU.Types.mayHoldAddress(T))
        M.slot(I).Heap.merge(0, true, "");
    }
    // `T &operator+=(int)`: an assignment returns the object it assigns,
    // by every convention (clang's -Wdangling assumes so too).
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && HasThis && returnsItself(MD))
      M.slot(0).Result.merge(0, false, "an assignment returns *this");
  }
  applyAttributes(M);
  return M.S;
}

bool pointsToChars(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->isAnyCharacterType() ||
         (T->isArrayType() &&
          T->getArrayElementTypeNoTypeQual()->isAnyCharacterType());
}

} // namespace escape
