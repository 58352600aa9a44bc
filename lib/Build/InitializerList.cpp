//===- InitializerList.cpp - std::initializer_list arguments -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "InitializerList.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace escape {

/// The element type of std::initializer_list type \p T (by value or by
/// reference), or null.
QualType initializerListElement(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() ||
      Spec->getName() != "initializer_list" ||
      Spec->getTemplateArgs().size() != 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[0].getAsType();
}

} // namespace escape
