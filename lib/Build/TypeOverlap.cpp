//===- TypeOverlap.cpp - Whether a pointer may point into an object -------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "TypeOverlap.h"
#include "TypeClass.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace escape {

namespace {

/// Types that may hold or be any object: no conclusion from them.
bool opaque(QualType T) {
  if (T->isVoidType() || T->isDependentType() || T->isIncompleteType() ||
      T->isFunctionType() || T->isCharType() || T->isStdByteType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && (RD->isUnion() || RD->isDependentType());
}

/// The type arguments of a specialization, those of a pack included
/// (`std::tuple<int *, T>`).
llvm::SmallVector<QualType, 4>
typeArgs(const ClassTemplateSpecializationDecl *TS) {
  llvm::SmallVector<QualType, 4> Out;
  for (const TemplateArgument &A : TS->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Type)
      Out.push_back(A.getAsType());
    else if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type)
          Out.push_back(P.getAsType());
  }
  return Out;
}

/// Whether an object of type \p Outer has a subobject of type \p Inner (or
/// storage that may hold one). \p Budget bounds the walk; running out says
/// yes.
bool holds(QualType Outer, QualType Inner, unsigned Depth, unsigned &Budget,
           llvm::SmallPtrSetImpl<const Type *> &Seen) {
  Outer = Outer.getCanonicalType().getUnqualifiedType();
  if (Outer == Inner || opaque(Outer))
    return true;
  if (Budget == 0 || Depth > 8)
    return true;
  --Budget;
  if (const auto *AT = dyn_cast<ArrayType>(Outer.getTypePtr()))
    return holds(AT->getElementType(), Inner, Depth + 1, Budget, Seen);
  const auto *RD = Outer->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()) ||
      !Seen.insert(Outer.getTypePtr()).second)
    return false;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (holds(B.getType(), Inner, Depth + 1, Budget, Seen))
      return true;
  for (const FieldDecl *F : RD->fields())
    if (!F->getType()->isReferenceType() &&
        holds(F->getType(), Inner, Depth + 1, Budget, Seen))
      return true;
  // A standard container or wrapper's elements are kept as part of it.
  if (const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      TS && isInStd(TS))
    for (QualType A : typeArgs(TS))
      if (holds(A, Inner, Depth + 1, Budget, Seen))
        return true;
  return false;
}

/// Adds to \p Out the types the pointers an object of type \p T holds may
/// point to; false when they cannot be told.
bool pointees(QualType T, llvm::SmallVectorImpl<QualType> &Out, unsigned Depth,
              unsigned &Budget, llvm::SmallPtrSetImpl<const Type *> &Seen) {
  T = T.getCanonicalType().getUnqualifiedType();
  if (Budget == 0 || Depth > 8 || T->isDependentType() || T->isIncompleteType())
    return false;
  --Budget;
  if (T->isPointerType() || T->isReferenceType()) {
    Out.push_back(T->getPointeeType());
    return true;
  }
  if (T->isMemberPointerType() || T->isBuiltinType() || T->isEnumeralType())
    return true;
  if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    return pointees(AT->getElementType(), Out, Depth + 1, Budget, Seen);
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()) || RD->isUnion())
    return false;
  // Only the outermost object may be more than its type says; a member or
  // an element is exactly its type.
  if (Depth == 0 && mayBeBaseOfMore(T))
    return false;
  if (!Seen.insert(T.getTypePtr()).second)
    return true;
  // A standard class may point to its template arguments (a span, a
  // smart pointer, a container's buffer) and hold what they hold.
  if (const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      TS && isInStd(TS)) {
    for (QualType A : typeArgs(TS)) {
      // What a smart pointer owns may be a derived object.
      if (mayBeBaseOfMore(A))
        return false;
      Out.push_back(A);
      if (!pointees(A, Out, Depth + 1, Budget, Seen))
        return false;
    }
    // Its own members say little (allocators, node pointers): only the
    // arguments count.
    return true;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (!pointees(B.getType(), Out, Depth + 1, Budget, Seen))
      return false;
  for (const FieldDecl *F : RD->fields())
    if (!pointees(F->getType(), Out, Depth + 1, Budget, Seen))
      return false;
  return true;
}

} // namespace

bool mayBeBaseOfMore(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  if (RD->isPolymorphic() && !RD->isEffectivelyFinal())
    return true;
  const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!TS)
    return false;
  for (QualType A : typeArgs(TS))
    if (const auto *D = A->getAsCXXRecordDecl();
        D && (D = D->getDefinition()) && D->isDerivedFrom(RD))
      return true;
  return false;
}

bool mayKeepPointerInto(QualType Holder, QualType Object) {
  llvm::SmallVector<QualType, 8> Out;
  unsigned Budget = 256;
  llvm::SmallPtrSet<const Type *, 16> Seen;
  if (!pointees(Holder, Out, 0, Budget, Seen))
    return true;
  return llvm::any_of(Out, [&](QualType P) { return mayPointInto(P, Object); });
}

bool mayPointInto(QualType Pointee, QualType Object) {
  Pointee = Pointee.getCanonicalType().getUnqualifiedType();
  Object = Object.getCanonicalType().getUnqualifiedType();
  if (opaque(Pointee) || opaque(Object) || mayBeBaseOfMore(Object))
    return true;
  // A downcast: the object is a base of the pointee's class.
  const auto *P = Pointee->getAsCXXRecordDecl();
  const auto *O = Object->getAsCXXRecordDecl();
  if (P && O && (P = P->getDefinition()) && (O = O->getDefinition()) &&
      P->isDerivedFrom(O))
    return true;
  unsigned Budget = 256;
  llvm::SmallPtrSet<const Type *, 16> Seen;
  return holds(Object, Pointee, 0, Budget, Seen);
}

} // namespace escape
