//===- HandWrittenCopy.h - Copies that run the program's code ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A copy or move constructor the compiler writes copies each member with
// that member's own constructor. When one of those is written by hand (an
// optional that points at its own storage, and points a copy at the
// copy's), the copy is not the source's field values, and lowering it as
// a plain copy carries the source's own address into the new object.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_HANDWRITTENCOPY_H
#define CLANG_ESCAPE_LIB_BUILD_HANDWRITTENCOPY_H

namespace clang {
class CXXConstructorDecl;
} // namespace clang

namespace escape {

/// True if \p Ctor is a copy or move constructor the compiler writes (or
/// one declared `= default`) that runs a constructor written by hand for
/// a member or base of its class, a few classes deep (not the standard
/// library's, whose models say what they copy).
bool runsHandWrittenCopy(const clang::CXXConstructorDecl *Ctor);

} // namespace escape

#endif
