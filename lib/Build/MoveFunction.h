//===- MoveFunction.h - Functions that name their argument as an rvalue ---===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// `std::move(x)` and `std::forward<T>(x)` are x: a callee's stores into the
// object they name are x's, and a constructor given one takes x's storage.
// Libraries that avoid <utility> write their own (`eastl::move`, a
// `detail::move`), with the same body: a cast of the parameter to an
// rvalue reference. Those are the same function.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_MOVEFUNCTION_H
#define CLANG_ESCAPE_LIB_BUILD_MOVEFUNCTION_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace escape {

/// True if FD is std::move or std::forward, or a function of the program
/// whose body only returns its one parameter cast to an rvalue reference.
bool isMoveFunction(const clang::FunctionDecl *FD);

/// The argument x when \p E is a call of such a function (`std::move(x)`,
/// `eastl::move(x)`): the same object. Null otherwise.
const clang::Expr *movedArgument(const clang::Expr *E);

} // namespace escape

#endif
