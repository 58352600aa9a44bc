//===- EscapeTidyModule.cpp - The escape-* checks for clang-tidy ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Loaded with clang-tidy -load=.../lib/clang-escape/llvmN/ClangEscapeTidy.so.
//
//===----------------------------------------------------------------------===//
#include "EscapeCheck.h"

#include "clang-escape/Frontend/HostVersionGuard.h"
#include "clang-escape/Report/CheckCatalog.h"
#include "clang-escape/Support/LLVMCompat.h"

#include CLANG_ESCAPE_TIDY_REGISTRY_HEADER
#include "clang-tidy/ClangTidyModule.h"

namespace escape {

namespace {

class EscapeTidyModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    for (const CheckInfo &C : CheckCatalog)
      Factories.registerCheck<EscapeCheck>(C.Name);
  }
};

// Before every other initializer of this object: registering the module
// below already calls into the host.
__attribute__((constructor(101))) void guardHostVersion() {
  requireHostLLVMMajor("ClangEscapeTidy (the clang-escape clang-tidy module)");
}

clang::tidy::ClangTidyModuleRegistry::Add<EscapeTidyModule>
    Registration("escape-module",
                 "clang-escape: interprocedural escape analysis");

} // namespace

} // namespace escape
