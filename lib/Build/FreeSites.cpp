//===- FreeSites.cpp - Where delete and free end objects ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// `delete p;` and `free(p);` end the object p points to, wherever its
// address was copied to: a local that keeps it and reads it afterwards
// reads a freed object (`int *q = p; delete p; use(*q);`). The solver finds
// what the freed pointer points to and which locals keep it
// (Solver.cpp, freedUses); the lowering records where each free is and
// which statement around it may skip it.
//
// Only a local declared inside the part of that statement that holds the
// free (the branch, the loop's body) meets the free on every path from its
// declaration: one declared before an `if` whose branch frees may be read
// on the other branch, so it is not reported; nor is a range-for's loop
// variable, declared before the body that frees it.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"

#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace escape {

namespace {

/// True if statement Parent may run without running its child Child.
bool maySkip(const Stmt *Parent, const Stmt *Child) {
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *Sw = dyn_cast<SwitchStmt>(Parent))
    return Child == Sw->getBody();
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, CXXCatchStmt>(Parent))
    return true;
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(Parent))
    return Child != CO->getCond();
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    return BO->isLogicalOp() && Child == BO->getRHS();
  return false;
}

} // namespace

void FunctionBuilder::freeSite(const Expr *Ptr, const Expr *At) {
  int N = newLoc(LocKind::Flow, "freed", At->getBeginLoc());
  expr(holeFor(N), Ptr);
  FreeSite FS;
  FS.Pointer = N;
  FS.Spelling = text(At);
  FS.Pos = pos(At->getBeginLoc());
  FS.End = pos(At->getEndLoc()).Offset;
  if (const Stmt *Body = FD ? FD->getBody() : nullptr) {
    if (!BodyParents)
      BodyParents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
    for (const Stmt *C = At, *P = BodyParents->getParent(At); P;
         C = P, P = BodyParents->getParent(P))
      if (maySkip(P, C)) {
        FS.Guard = pos(C->getBeginLoc()).Offset;
        break;
      }
  }
  G.Frees.push_back(std::move(FS));
}

} // namespace escape
