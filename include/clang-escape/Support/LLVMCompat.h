//===- LLVMCompat.h - What differs between the LLVM majors we build for ---===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// clang-escape builds from one source tree against LLVM 19 and LLVM 22.
// Every call or header that differs between them is chosen here, and only
// here, by CLANG_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_LLVMCOMPAT_H
#define CLANG_ESCAPE_SUPPORT_LLVMCOMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Version.h"

// LLVM 22 moved ClangTidyModuleRegistry into ClangTidyModule.h and
// deprecated the old header.
#if CLANG_VERSION_MAJOR >= 22
#define CLANG_ESCAPE_TIDY_REGISTRY_HEADER "clang-tidy/ClangTidyModule.h"
#else
#define CLANG_ESCAPE_TIDY_REGISTRY_HEADER "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace escape {

/// The type of class \p RD. LLVM 22 removed ASTContext::getRecordType.
inline clang::QualType recordTypeOf(const clang::ASTContext &Ctx,
                                    const clang::RecordDecl *RD) {
#if CLANG_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(RD);
#else
  return Ctx.getRecordType(RD);
#endif
}

/// True if \p T is spelled `typename X::Y`. LLVM 22 removed ElaboratedType:
/// there the spelling is the typedef's own, which callers see anyway.
inline bool isTypenameSpelling(const clang::Type *T) {
#if CLANG_VERSION_MAJOR >= 22
  (void)T;
  return false;
#else
  const auto *ET = llvm::dyn_cast<clang::ElaboratedType>(T);
  return ET && ET->getKeyword() == clang::ElaboratedTypeKeyword::Typename;
#endif
}

} // namespace escape

#endif
