//===- AdoptedObject.cpp - The object a local unique owner adopts ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A local std::unique_ptr destroys the object it owns when it dies. When the
// function makes that object (`new T`, `std::make_unique<T>()`), the
// allocation site stands for it. When it does not (a pointer adopted from a
// call, `std::unique_ptr<T> p(make());`, or an owner default-constructed or
// built from nullptr), the object it owns is still its own: it gets an
// allocation node of its own, pointed to by the owner, so that a pointer or
// reference to it that outlives the owner is reported as for an allocation
// (ReportBuilder's owned-object findings). Only for an owner never
// re-pointed (assigned, reset or swapped) in the function.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace escape {

/// True if T is std::unique_ptr: the one owner of what it points to.
static bool isUniqueOwner(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "unique_ptr";
}

void FunctionBuilder::adoptedObject(const VarDecl *VD, int L) {
  QualType T = VD->getType();
  if (!isUniqueOwner(T) || Reassigned.count(VD) || !VD->getInit())
    return;
  const auto *CE = dyn_cast<CXXConstructExpr>(VD->getInit()->IgnoreImplicit());
  if (!CE || CE->getNumArgs() > 1)
    return;
  if (CE->getNumArgs() == 1) {
    const Expr *A = CE->getArg(0)->IgnoreParenImpCasts();
    if (!A->getType()->isPointerType() && !A->getType()->isNullPtrType())
      return;
    if (isa<CXXNewExpr>(A) || AllocOfCall.count(A))
      return;
  }
  QualType Pointee;
  if (const auto *Spec =
          dyn_cast<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl()))
    if (Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      Pointee = Spec->getTemplateArgs()[0].getAsType();
  std::string Name = VD->getNameAsString();
  int A = newLoc(LocKind::Alloc, "the object '" + Name + "' owns",
                 VD->getLocation(), CurScope);
  Location &X = G.Locs[A];
  X.Alloc.Spelling = X.Name;
  X.Alloc.TypeName =
      Pointee.isNull() ? "" : Pointee.getAsString(Ctx.getPrintingPolicy());
  // Not made here: never a stack candidate.
  X.Alloc.CustomAlloc = true;
  X.Size.Constant = false;
  flow(holeFor(wholeOf(L)).shift(-1, note("owned by", VD->getLocation(), Name)),
       A);
}

} // namespace escape
