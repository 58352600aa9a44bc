//===- InvokedCallable.cpp - What std::invoke and std::apply call ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// `std::invoke(f, args...)`, `std::invoke_r<R>(f, args...)` and
// `std::apply(f, t)` return what `f` returns when called with `args` (with
// the elements of `t`). Their bodies are in system headers and are not
// lowered, and the rule for library functions returning a class by value
// (the result copies every argument) would take what the callable holds
// (the references of a bound-arguments adaptor) for what the call returns.
// Instead the `operator()` the instantiated library body calls is found
// (through the library's own helpers: std::__invoke, std::__apply_impl) and
// called at the call site, with the arguments, or the tuple's elements, in
// its parameters and its result in the call's result.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <functional>

using namespace clang;

namespace escape {

namespace {

/// The calls a library body makes: an operator() of the callable's class,
/// or library functions to look into next.
struct CallFinder : RecursiveASTVisitor<CallFinder> {
  const CXXRecordDecl *RD = nullptr;
  const CXXMethodDecl *Found = nullptr;
  llvm::SmallVector<const FunctionDecl *, 4> Next;

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *F = CE->getDirectCallee();
    if (!F)
      return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(F);
        MD && MD->getOverloadedOperator() == OO_Call) {
      const CXXRecordDecl *Of = MD->getParent()->getCanonicalDecl();
      if (Of == RD->getCanonicalDecl() ||
          (RD->hasDefinition() && RD->isDerivedFrom(Of))) {
        Found = MD;
        return false;
      }
    }
    const FunctionDecl *Def = nullptr;
    if (isInStd(F) && F->isTemplateInstantiation() && F->hasBody(Def))
      Next.push_back(Def);
    return true;
  }
};

} // namespace

/// The operator() of \p RD that the instantiated body of library function
/// \p Lib calls, itself or through the library functions it calls, a few
/// calls deep; null when none is found (a function pointer, a body not
/// instantiated).
static const CXXMethodDecl *calledOperator(const FunctionDecl *Lib,
                                           const CXXRecordDecl *RD) {
  llvm::SmallVector<const FunctionDecl *, 8> Level{Lib};
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen{Lib};
  for (int Depth = 0; Depth < 6 && !Level.empty(); ++Depth) {
    llvm::SmallVector<const FunctionDecl *, 8> Deeper;
    for (const FunctionDecl *F : Level) {
      const FunctionDecl *Def = nullptr;
      if (!F->hasBody(Def))
        continue;
      CallFinder Finder;
      Finder.RD = RD;
      Finder.TraverseStmt(Def->getBody());
      if (Finder.Found)
        return Finder.Found;
      for (const FunctionDecl *N : Finder.Next)
        if (Seen.insert(N).second)
          Deeper.push_back(N);
    }
    Level = std::move(Deeper);
  }
  return nullptr;
}

/// The element types of a std::tuple, std::pair or std::array type; false
/// for anything else.
static bool tupleElements(QualType T, llvm::SmallVectorImpl<QualType> &Out) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace())
    return false;
  llvm::ArrayRef<TemplateArgument> Args = Spec->getTemplateArgs().asArray();
  if (Spec->getName() == "array") {
    if (Args.size() != 2 || Args[0].getKind() != TemplateArgument::Type ||
        Args[1].getKind() != TemplateArgument::Integral)
      return false;
    uint64_t N = Args[1].getAsIntegral().getZExtValue();
    if (N > 64)
      return false;
    Out.append(N, Args[0].getAsType());
    return true;
  }
  if (Spec->getName() != "tuple" && Spec->getName() != "pair")
    return false;
  for (const TemplateArgument &A : Args) {
    if (A.getKind() == TemplateArgument::Pack) {
      for (const TemplateArgument &P : A.pack_elements())
        Out.push_back(P.getAsType());
      continue;
    }
    if (A.getKind() != TemplateArgument::Type)
      return false;
    Out.push_back(A.getAsType());
  }
  return true;
}

bool FunctionBuilder::invokedCallable(const CallSite &CS,
                                      const FunctionDecl *Callee,
                                      llvm::ArrayRef<const Expr *> Args,
                                      CallSite &In) {
  const auto *Id = Callee->getIdentifier();
  if (!Id || !isInStd(Callee) || isa<CXXMethodDecl>(Callee) || Args.empty() ||
      Callee->getNumParams() != Args.size())
    return false;
  bool Apply = Id->getName() == "apply";
  if (!Apply && Id->getName() != "invoke" && Id->getName() != "invoke_r")
    return false;
  if (Apply && Args.size() != 2)
    return false;
  const CXXRecordDecl *RD =
      Args[0]->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || CS.Args[0] < 0)
    return false;
  // The callable's own body is lowered (not a library class's operator(),
  // a std::function's, which the rule for library calls describes).
  const CXXMethodDecl *Op = calledOperator(Callee, RD);
  if (!Op || !shouldAnalyzeBody(TU, Op))
    return false;
  // What each parameter of the operator receives: the node holding the
  // address of its object (Addr), and whether that object holds the
  // address of the value instead (a tuple element of reference type).
  struct Given {
    int Addr;
    int Through;
  };
  llvm::SmallVector<Given, 8> Params;
  if (Apply) {
    llvm::SmallVector<QualType, 8> Elems;
    if (!tupleElements(Callee->getParamDecl(1)->getType(), Elems))
      return false;
    for (QualType E : Elems)
      Params.push_back({CS.Args[1], E->isReferenceType() ? 1 : 0});
  } else {
    for (unsigned I = 1; I < Args.size(); ++I)
      Params.push_back({CS.Args[I], 0});
  }
  if (Params.size() != Op->getNumParams())
    return false;
  bool HasThis = Op->isInstance();
  In = innerCall(CS, Op, "callable called by ");
  unsigned Base = HasThis ? 1 : 0;
  if (HasThis) {
    // std::invoke and std::apply take the callable by reference.
    In.Args[0] = CS.Args[0];
    In.ArgContent[0] = CS.ArgContent[0];
  }
  Note N{"call parameter", CS.Spelling, CS.Pos};
  for (unsigned K = 0; K < Params.size(); ++K) {
    QualType PT = Op->getParamDecl(K)->getType();
    bool Ref = PT->isReferenceType();
    if (Params[K].Addr < 0 || (!Ref && !TU.Types.mayHoldAddress(PT)))
      continue;
    // A reference parameter receives the address of the argument, a
    // by-value one its value: one level further.
    int Derefs = Params[K].Through + (Ref ? 0 : 1);
    int P = Params[K].Addr;
    if (Derefs != 0) {
      P = newLoc(LocKind::Flow, "{temp}", Args.back()->getExprLoc());
      flow(holeFor(P).shift(Derefs, N), Params[K].Addr);
    }
    In.Args[Base + K] = P;
  }
  // What the operator reads from the callable's fields (an adaptor's
  // references) is what the caller's nodes for them hold.
  fieldArgs(In, Op);
  captureArgs(In, Op, {});
  TU.Enqueue(Op);
  return true;
}

bool FunctionBuilder::visitorCalls(const CallSite &CS,
                                   const FunctionDecl *Callee,
                                   llvm::ArrayRef<const Expr *> Args,
                                   std::vector<CallSite> &Out) {
  const auto *Id = Callee->getIdentifier();
  if (!Id || Id->getName() != "visit" || !isInStd(Callee) ||
      isa<CXXMethodDecl>(Callee) || Args.size() < 2 || CS.Args.empty() ||
      CS.Args[0] < 0)
    return false;
  const CXXRecordDecl *RD =
      Args[0]->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  // Every call operator the visit may call: a generic lambda's (or
  // template's) instantiations, an overload set's members, those of its
  // bases (`overloaded{...}`).
  llvm::SmallVector<const CXXMethodDecl *, 8> Ops;
  std::function<void(const CXXRecordDecl *, unsigned)> Collect =
      [&](const CXXRecordDecl *R, unsigned Depth) {
        if (!R || !R->hasDefinition() || Depth > 4)
          return;
        R = R->getDefinition();
        for (const Decl *D : R->decls()) {
          if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
            for (const FunctionDecl *Spec : FTD->specializations())
              if (const auto *MD = dyn_cast<CXXMethodDecl>(Spec);
                  MD && MD->getOverloadedOperator() == OO_Call)
                Ops.push_back(MD);
          } else if (const auto *MD = dyn_cast<CXXMethodDecl>(D);
                     MD && MD->getOverloadedOperator() == OO_Call) {
            Ops.push_back(MD);
          }
        }
        for (const CXXBaseSpecifier &B : R->bases())
          Collect(B.getType()->getAsCXXRecordDecl(), Depth + 1);
      };
  Collect(RD, 0);
  bool Any = false;
  for (const CXXMethodDecl *Op : Ops) {
    if (Out.size() >= 16 || !Op->isInstance() || !shouldAnalyzeBody(TU, Op))
      continue;
    CallSite In = innerCall(CS, Op, "visitor called by ");
    // std::visit takes the visitor by reference.
    In.Args[0] = CS.Args[0];
    In.ArgContent[0] = CS.ArgContent[0];
    fieldArgs(In, Op);
    captureArgs(In, Op, {});
    Out.push_back(std::move(In));
    TU.Enqueue(Op);
    Any = true;
  }
  return Any;
}

} // namespace escape
