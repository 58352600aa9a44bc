//===- BuildGlobalInit.cpp - Initializers of globals ----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A namespace-scope variable or a static data member is initialized by code
// that runs before main: `std::string_view s = std::string("x");` or
// `const int &r = f(X());` (f's parameter [[clang::lifetimebound]]) leaves
// the global dangling from its first moment, since the temporaries of the
// initializer die at the end of its full-expression. Each such initializer
// is lowered as a function of its own, with no parameters, whose only sink
// is the store into the global. A temporary whose lifetime the global
// extends (`const std::string &r = std::string("x");`) has static storage
// and is not a location (BuildExpr.cpp, materialize).
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace escape {

bool hasLoweredInitializer(const VarDecl *VD) {
  if (!VD->hasGlobalStorage() || VD->isStaticLocal() || !VD->getInit() ||
      VD->isInvalidDecl() || VD->getInit()->containsErrors() ||
      !VD->isThisDeclarationADefinition() ||
      VD->getDeclContext()->isDependentContext() || VD->isTemplated() ||
      VD->getType()->isDependentType() || VD->getInit()->isValueDependent())
    return false;
  // A constant initializer, or a default construction, makes no temporary
  // that dies.
  if (VD->hasConstantInitialization())
    return false;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(VD->getInit());
      CE && CE->getNumArgs() == 0)
    return false;
  // Only what can hold an address can keep a temporary's.
  QualType T = VD->getType();
  return T->isReferenceType() || T->isPointerType() || T->isRecordType() ||
         T->isArrayType();
}

FunctionGraph FunctionBuilder::buildInitializer(const VarDecl *VD) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = VD->getQualifiedNameAsString();
  G.Key = "init:" + declKey(VD, TU.Mangler.get());
  G.Name = "initializer of '" + Name + "'";
  G.Pos = pos(VD->getLocation());
  G.ReturnKind = "void";
  G.MainFile = SM.isInMainFile(SM.getExpansionLoc(VD->getLocation()));
  newLoc(LocKind::Heap, "{heap}", SourceLocation());
  newLoc(LocKind::Thread, "{thread}", SourceLocation());
  newLoc(LocKind::CoroFrame, "{coroutine frame}", SourceLocation());
  newLoc(LocKind::Result, "~r0", SourceLocation());
  pushScope(false, nullptr);
  CurScope = 0;
  G.Scopes[0].Parent = -1;
  PrologueLocs = G.Locs.size();

  // The global itself, as a store into it is lowered (BuildExpr.cpp).
  int S =
      newLoc(LocKind::GlobalStore, VD->getNameAsString(), VD->getLocation());
  G.Locs[S].TypeName =
      VD->getTLSKind() != VarDecl::TLS_None ? "thread_local" : "global";
  flow(heapHole().note(
           note("store to global", VD->getLocation(), VD->getNameAsString())),
       S);
  Hole H =
      holeFor(S).note(note("static initialization", VD->getLocation(), Name));
  if (VD->getType()->isReferenceType())
    H = H.shift(-1);
  expr(H, VD->getInit());
  if (overBudget())
    makeConservative();
  // Run once, before main: what the initializer allocates or type-erases
  // is no cost worth a perf finding.
  llvm::erase_if(G.Local, [](const FunctionGraph::LocalFinding &LF) {
    return LF.Check == "escape-type-erasure" ||
           LF.Check == "escape-oversized-frame";
  });
  return std::move(G);
}

} // namespace escape
