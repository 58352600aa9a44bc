//===- RekeyedInsert.cpp - A map key re-pointed after its insert ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A map keyed by a view (`std::string_view`, `std::span`) is often searched
// and filled with a view of the caller's data, and the key of a new element
// is then pointed at a copy the element owns:
//
//   auto [it, inserted] = map.try_emplace(view, std::string(view));
//   if (inserted)
//     const_cast<std::string_view &>(it->first) = it->second;
//
// The view of the caller's data is the key only between the two statements.
// So when every path on which the insert inserts overwrites the new
// element's key before anything else reads the result, the call keeps
// nothing of the key argument. The overwrite may be made by a callable the
// result is handed to (`op(result)`, a lambda given to a wrapper).
//
//===----------------------------------------------------------------------===//

#include "FunctionBuilder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace escape {

namespace {

/// How the result of the insert is named: a `std::pair` variable
/// (`r.first`, `r.second`) or the bindings of `auto [it, inserted]`.
struct InsertResult {
  const ValueDecl *Pair = nullptr;
  const ValueDecl *Iter = nullptr;
  const ValueDecl *Inserted = nullptr;
};

llvm::ArrayRef<Stmt *> stmtsOf(const CompoundStmt *C) {
  return {C->body_begin(), C->body_end()};
}

const ValueDecl *namedDecl(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? DRE->getDecl() : nullptr;
}

/// True if \p E names member \p Name of the pair \p R.Pair.
bool pairMember(const Expr *E, const InsertResult &R, llvm::StringRef Name) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  return ME && R.Pair && !ME->isArrow() &&
         ME->getMemberDecl()->getIdentifier() &&
         ME->getMemberDecl()->getName() == Name &&
         namedDecl(ME->getBase()) == R.Pair;
}

bool isIter(const Expr *E, const InsertResult &R) {
  const ValueDecl *D = namedDecl(E);
  return (D && D == R.Iter) || pairMember(E, R, "first");
}

bool isInserted(const Expr *E, const InsertResult &R) {
  const ValueDecl *D = namedDecl(E);
  return (D && D == R.Inserted) || pairMember(E, R, "second");
}

bool isNotInserted(const Expr *E, const InsertResult &R) {
  const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
  return UO && UO->getOpcode() == UO_LNot && isInserted(UO->getSubExpr(), R);
}

/// `it->first`, `(*it).first`: the key of the element the insert found.
bool isKey(const Expr *E, const InsertResult &R) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !ME->getMemberDecl()->getIdentifier() ||
      ME->getMemberDecl()->getName() != "first")
    return false;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base))
    return (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
           Op->getNumArgs() == 1 && isIter(Op->getArg(0), R);
  if (const auto *UO = dyn_cast<UnaryOperator>(Base))
    return UO->getOpcode() == UO_Deref && isIter(UO->getSubExpr(), R);
  return ME->isArrow() && isIter(Base, R);
}

/// `*const_cast<K *>(&it->first) = v;`, `const_cast<K &>(it->first) = v;`.
bool overwritesKey(const Stmt *S, const InsertResult &R) {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreImplicit();
  const Expr *LHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Assign)
    LHS = BO->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    LHS = Op->getArg(0);
  if (!LHS)
    return false;
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(LHS);
      UO && UO->getOpcode() == UO_Deref) {
    const auto *Cast =
        dyn_cast<ExplicitCastExpr>(UO->getSubExpr()->IgnoreParenImpCasts());
    const auto *Addr =
        Cast
            ? dyn_cast<UnaryOperator>(Cast->getSubExpr()->IgnoreParenImpCasts())
            : nullptr;
    return Addr && Addr->getOpcode() == UO_AddrOf &&
           isKey(Addr->getSubExpr(), R);
  }
  const auto *Cast = dyn_cast<ExplicitCastExpr>(LHS);
  return Cast && Cast->getTypeAsWritten()->isReferenceType() &&
         isKey(Cast->getSubExpr(), R);
}

/// True if \p S may leave the function or the block (a return, a throw, a
/// jump) or names the insert's result, other than in a lambda's body.
struct Escapes : RecursiveASTVisitor<Escapes> {
  const InsertResult &R;
  bool Found = false;
  explicit Escapes(const InsertResult &R) : R(R) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitStmt(Stmt *S) {
    Found |= isa<ReturnStmt, CoreturnStmt, GotoStmt, IndirectGotoStmt,
                 BreakStmt, ContinueStmt, CXXThrowExpr>(S);
    return !Found;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const ValueDecl *D = E->getDecl();
    Found |= D == R.Pair || D == R.Iter || D == R.Inserted;
    return !Found;
  }
};

bool mayLeaveOrRead(const Stmt *S, const InsertResult &R) {
  Escapes V(R);
  V.TraverseStmt(const_cast<Stmt *>(S));
  return V.Found;
}

bool rekeysFrom(llvm::ArrayRef<Stmt *> Body, const InsertResult &R,
                unsigned Depth);

/// A call handing the whole result to a function with a body
/// (`op(result)`): that function re-keys through its parameter.
bool rekeysInCallee(const Stmt *S, const InsertResult &R, unsigned Depth) {
  const auto *E = dyn_cast<Expr>(S);
  const auto *CE = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
  const FunctionDecl *F = CE ? CE->getDirectCallee() : nullptr;
  const auto *Body = F ? dyn_cast_or_null<CompoundStmt>(F->getBody()) : nullptr;
  if (!Body || !R.Pair || Depth == 0)
    return false;
  // An operator() called as `op(x)` counts the object as its first
  // argument.
  unsigned Skip = isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(F) &&
                          cast<CXXMethodDecl>(F)->isInstance()
                      ? 1
                      : 0;
  for (unsigned I = Skip; I < CE->getNumArgs(); ++I) {
    const Expr *A = CE->getArg(I)->IgnoreImplicit();
    if (const auto *K = dyn_cast<CXXConstructExpr>(A);
        K && K->getNumArgs() == 1)
      A = K->getArg(0)->IgnoreImplicit();
    if (namedDecl(A) != R.Pair || I - Skip >= F->getNumParams())
      continue;
    InsertResult In;
    In.Pair = F->getParamDecl(I - Skip);
    return rekeysFrom(stmtsOf(Body), In, Depth - 1);
  }
  return false;
}

/// True if, on every path through \p Body on which the insert inserted,
/// the key is overwritten before the result is read otherwise.
bool rekeysFrom(llvm::ArrayRef<Stmt *> Body, const InsertResult &R,
                unsigned Depth) {
  for (const Stmt *S : Body) {
    if (overwritesKey(S, R) || rekeysInCallee(S, R, Depth))
      return true;
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && !If->getInit() && !If->getConditionVariable()) {
      // `if (inserted) { ...; key = ...; }`: the other branch inserted
      // nothing.
      if (isInserted(If->getCond(), R)) {
        const Stmt *Then = If->getThen();
        if (const auto *C = dyn_cast<CompoundStmt>(Then))
          return rekeysFrom(stmtsOf(C), R, Depth);
        return overwritesKey(Then, R) || rekeysInCallee(Then, R, Depth);
      }
      // `if (!inserted) return;`: only the path that inserted goes on.
      if (isNotInserted(If->getCond(), R) && !If->getElse())
        continue;
    }
    if (mayLeaveOrRead(S, R))
      return false;
  }
  return false;
}

/// The variable the call's result initializes, and the statements after its
/// declaration in the same block.
bool resultOf(const Expr *Call, ParentMap &PM, InsertResult &R,
              llvm::ArrayRef<Stmt *> &After) {
  const Stmt *P = PM.getParent(Call);
  while (isa_and_nonnull<ExprWithCleanups, MaterializeTemporaryExpr,
                         CXXBindTemporaryExpr, ImplicitCastExpr,
                         CXXConstructExpr, ParenExpr>(P))
    P = PM.getParent(P);
  const auto *DS = dyn_cast_or_null<DeclStmt>(P);
  const auto *Block =
      DS ? dyn_cast_or_null<CompoundStmt>(PM.getParent(DS)) : nullptr;
  if (!Block || !DS->isSingleDecl())
    return false;
  if (const auto *DD = dyn_cast<DecompositionDecl>(DS->getSingleDecl())) {
    if (DD->bindings().size() != 2)
      return false;
    R.Iter = DD->bindings()[0];
    R.Inserted = DD->bindings()[1];
  } else if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl());
             V && !V->getType()->isReferenceType()) {
    R.Pair = V;
  } else {
    return false;
  }
  llvm::ArrayRef<Stmt *> Stmts = stmtsOf(Block);
  After = Stmts.drop_front(llvm::find(Stmts, DS) - Stmts.begin() + 1);
  return true;
}

} // namespace

bool FunctionBuilder::insertedKeyReplaced(const Expr *Call,
                                          const FunctionDecl *Callee) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  const Stmt *Body = FD ? FD->getBody() : nullptr;
  if (!Body || !MD || !isInStd(MD) || !MD->getIdentifier() ||
      !MD->getParent()->getName().contains("map"))
    return false;
  llvm::StringRef Name = MD->getName();
  // The calls whose first argument is the key of the element they insert.
  if (!(Name == "try_emplace" || Name == "insert_or_assign" ||
        (Name == "emplace" && MD->getNumParams() == 2)))
    return false;
  if (!BodyParents)
    BodyParents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  InsertResult R;
  llvm::ArrayRef<Stmt *> After;
  // The overwrite is looked for in the callable the result is given to, and
  // one call further.
  return resultOf(Call, *BodyParents, R, After) &&
         rekeysFrom(After, R, /*Depth=*/2);
}

} // namespace escape
