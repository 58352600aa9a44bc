//===- BackPointer.h - Back-pointers into owned objects ---------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// An object that writes its own address into the objects it owns (a tree's
// children pointing at their parent) hands that address to nothing that
// outlives it, unless its storage changes owner. When every copy and move
// of its class points the taken-over children at the new owner again, no
// copy or move leaves them pointing at the old one. The same holds for an
// object it only holds (a wrapper and the message it wraps, linked both
// ways), except that one destroyed without a move leaves the held object
// pointing at it: that case is given up (a maybe).
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_BACKPOINTER_H
#define CLANG_ESCAPE_LIB_BUILD_BACKPOINTER_H

namespace clang {
class Expr;
class FunctionDecl;
} // namespace clang

namespace escape {

/// True if the assignment `LHS = RHS` in \p FD stores `this` into a member
/// of an object reached from `this` (`element.parent = this` over the
/// object's own children) or held by it (`message = m; m->wrapper = this;`),
/// and each copy and move constructor and assignment of the class that can
/// run stores `this` into that same member again (directly or through a
/// method of the object, a few calls deep): a back-pointer its copies and
/// moves keep pointing at their own object.
bool isRepointedBackPointer(const clang::Expr *LHS, const clang::Expr *RHS,
                            const clang::FunctionDecl *FD);

} // namespace escape

#endif
