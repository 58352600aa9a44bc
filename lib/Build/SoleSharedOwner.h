//===- SoleSharedOwner.h - The only owner of its shared_ptrs ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A `std::shared_ptr` may have other owners, so what it points to is not
// taken to die with it. A class that cannot be copied, is never given one
// and never shares one it holds (no copy, no weak_ptr, no reference handed
// out) is their only owner all the same: what they point to dies with the
// object (an event dispatcher keeping its handlers as shared_ptr values of
// a map, for the type-erased allocator).
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_SOLESHAREDOWNER_H
#define CLANG_ESCAPE_LIB_BUILD_SOLESHAREDOWNER_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"

namespace escape {

/// True if a T holds a std::shared_ptr: is one, or has one as a part, an
/// element or a template argument of a standard class it holds.
bool holdsSharedPtr(clang::QualType T);

/// True if RD holds a std::shared_ptr, cannot be copied, and no method of
/// it (instantiated ones included) is given a value holding a shared_ptr,
/// returns a reference or pointer to one, or in its body copies one from an
/// lvalue or makes a weak_ptr: every shared_ptr it holds it made itself.
bool soleSharedOwner(const clang::CXXRecordDecl *RD);

} // namespace escape

#endif
