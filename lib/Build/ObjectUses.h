//===- ObjectUses.h - Calls that work on an object again ---------*- C++
//-*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A call that gives an object something, and a later call of the same block
// given the same object that writes what the first call wrote (an unlink
// after a link, a pop after a push): the object may let go of it by then
// (CallSite::ReleasedBy). These helpers find the objects each call works on
// and the fields a function writes.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_OBJECTUSES_H
#define CLANG_ESCAPE_LIB_BUILD_OBJECTUSES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <vector>

namespace escape {

struct TUContext;

/// A call in a statement and the objects it is given to work on.
struct ObjectUse {
  const clang::Expr *Call;
  const clang::FunctionDecl *Callee;
  llvm::SmallVector<const clang::Expr *, 2> Objects;
  /// Names a variable declared in the statement itself (in a nested block,
  /// a condition), dead by the statements after it, other than to read its
  /// value (`&v`, `v` bound to a reference, not `*v` or `v->f`).
  bool NamesInner = false;
};

/// The calls of S (not those in its lambdas) that are given an object: its
/// object unless the method is const, and each argument bound to a
/// non-const reference or pointer parameter that names the same object each
/// time (a variable, a member of one, `this`, `*p`).
void objectUses(const clang::Stmt *S, llvm::SmallVectorImpl<ObjectUse> &Out);

/// The fields that FD's body assigns (through any object), and those its
/// callees assign, Depth calls deep (not a constructor's: it writes a new
/// object), sorted; cached in TU.
const std::vector<const clang::FieldDecl *> &
fieldsWritten(const clang::FunctionDecl *FD, TUContext &TU, unsigned Depth = 3);

/// True if FD takes no pointer or reference parameter: a method of it can
/// unlink a node from its object but link none in.
bool takesNoAddress(const clang::FunctionDecl *FD);

/// True if sorted A and B share an element.
bool overlap(llvm::ArrayRef<const clang::FieldDecl *> A,
             llvm::ArrayRef<const clang::FieldDecl *> B);

} // namespace escape

#endif
