//===- FunctionBody.h - The body a function's callers run -------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Pre-passes that read a callee's statements (does a move constructor null
// its source, does a method store `this`) need its body even when the unit
// never instantiated it: the template pattern says the same.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_FUNCTIONBODY_H
#define CLANG_ESCAPE_LIB_BUILD_FUNCTIONBODY_H

namespace clang {
class FunctionDecl;
} // namespace clang

namespace escape {

/// The declaration of \p FD that has a body, or else that of its template
/// pattern; null if neither has one (declared only, or \p FD is null).
const clang::FunctionDecl *bodyOf(const clang::FunctionDecl *FD);

} // namespace escape

#endif
