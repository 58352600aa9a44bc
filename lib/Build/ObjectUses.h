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

/// What a function writes, its callees' writes included; each list sorted.
struct FunctionWrites {
  /// The fields it assigns, through any object.
  std::vector<const clang::FieldDecl *> Fields;
  /// The globals that may hold an address that it assigns or changes by a
  /// non-const method (`g = p`, `g.f = p`, `list.push_back(p)`).
  std::vector<const clang::VarDecl *> GlobalsStored;
  /// Those of them it gives a new value or empties (`g = nullptr`,
  /// `s = {}`, `s.reset()`, `list.clear()`): what was there before is gone.
  std::vector<const clang::VarDecl *> GlobalsCleared;
};

/// What FD's body writes and what its callees write, Depth calls deep (not
/// a constructor's: it writes a new object); cached in TU.
const FunctionWrites &writesOf(const clang::FunctionDecl *FD, TUContext &TU,
                               unsigned Depth = 3);

/// The fields FD writes (writesOf).
inline const std::vector<const clang::FieldDecl *> &
fieldsWritten(const clang::FunctionDecl *FD, TUContext &TU) {
  return writesOf(FD, TU).Fields;
}

/// The calls in S (not those in its lambdas, not operators) of a function
/// of the program given something that may carry an address of the
/// caller's: in Out those with a body that stores into a global
/// (FunctionWrites::GlobalsStored), in Unseen those defined in another
/// unit (not in a system header).
void globalStoringCalls(const clang::Stmt *S, TUContext &TU,
                        llvm::SmallVectorImpl<const clang::CallExpr *> &Out,
                        llvm::SmallVectorImpl<const clang::CallExpr *> &Unseen);

/// The calls in S (not those in its lambdas, not operators) of a function
/// of the program given no address of the caller's (each argument that
/// could carry one gives nothing; a method only of a global or `this`).
void addresslessCalls(const clang::Stmt *S, TUContext &TU,
                      llvm::SmallVectorImpl<const clang::CallExpr *> &Out);

/// A call in S, given no address of the caller's, that gives a global
/// \p Stored names a new value or empties it (`uninstall()`,
/// `set(nullptr)`, `registry.clear()`); null if none.
const clang::CallExpr *
globalClearingCall(const clang::Stmt *S,
                   const std::vector<const clang::VarDecl *> &Stored,
                   TUContext &TU);

/// True if each argument of C that could carry an address of the caller's
/// is a null pointer constant or an object made empty (`nullptr`, `{}`,
/// `T()`, a default argument `const T &other = {}`), or a const reference
/// to something holding no address that is not a local of the caller; C's
/// object aside.
bool argumentsGiveNothing(const clang::CallExpr *C, TUContext &TU);

/// True if FD takes no pointer or reference parameter: a method of it can
/// unlink a node from its object but link none in.
bool takesNoAddress(const clang::FunctionDecl *FD);

/// True if sorted A and B share an element.
template <typename T>
bool overlap(const std::vector<T> &A, const std::vector<T> &B) {
  for (size_t I = 0, J = 0; I < A.size() && J < B.size();) {
    if (A[I] == B[J])
      return true;
    if (A[I] < B[J])
      ++I;
    else
      ++J;
  }
  return false;
}

/// The global containers FD, or a callee of it three calls deep, calls one
/// of \p Methods on given an argument (`live().insert(p)`,
/// `registry.erase(this)`): a global, a class's static, or a function's
/// static returned by reference.
std::vector<const clang::VarDecl *>
globalContainersChanged(const clang::FunctionDecl *FD,
                        llvm::ArrayRef<llvm::StringRef> Methods, TUContext &TU);
} // namespace escape

#endif
