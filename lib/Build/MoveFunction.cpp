//===- MoveFunction.cpp - Functions that name their argument as an rvalue -===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "MoveFunction.h"
#include "TypeClass.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace escape {

/// True if FD's body is `return static_cast<T &&>(p);` (or a C-style or
/// functional cast) of its one parameter p.
static bool castsParameterToRvalue(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (FD->getNumParams() != 1 ||
      !FD->getReturnType()->isRValueReferenceType() || !FD->hasBody(Def))
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return false;
  const auto *R = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *V = R ? R->getRetValue() : nullptr;
  if (!V)
    return false;
  const auto *Cast = dyn_cast<ExplicitCastExpr>(V->IgnoreParens());
  if (!Cast || !Cast->getTypeAsWritten()->isRValueReferenceType())
    return false;
  const auto *DRE =
      dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParenImpCasts());
  return DRE && DRE->getDecl() == Def->getParamDecl(0);
}

bool isMoveFunction(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return false;
  if (isInStd(FD))
    return FD->getName() == "move" || FD->getName() == "forward";
  return castsParameterToRvalue(FD);
}

const Expr *movedArgument(const Expr *E) {
  const auto *CE = E ? dyn_cast<CallExpr>(E->IgnoreParenImpCasts()) : nullptr;
  if (!CE || isa<CXXMemberCallExpr>(CE) || CE->getNumArgs() != 1 ||
      !isMoveFunction(CE->getDirectCallee()))
    return nullptr;
  return CE->getArg(0);
}

} // namespace escape
