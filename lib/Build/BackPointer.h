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
// copy or move leaves them pointing at the old one.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_BACKPOINTER_H
#define CLANG_ESCAPE_LIB_BUILD_BACKPOINTER_H

namespace clang {
class Expr;
} // namespace clang

namespace escape {

/// True if the assignment `LHS = RHS` stores `this` into a member of an
/// object reached from `this` (`element.parent = this` over the object's
/// own children), and each copy and move constructor and assignment of the
/// class that can run stores `this` into that same member again (directly
/// or through a method of the object, a few calls deep): a back-pointer
/// its copies and moves keep pointing at their own object.
bool isRepointedBackPointer(const clang::Expr *LHS, const clang::Expr *RHS);

} // namespace escape

#endif
