//===- TypeOverlap.h - May a pointer point into an object? --*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A function returning a `T *` whose value is a parameter's pointer (one
// level, no load) hands back an address inside the parameter's object only
// if a T can live there: C++'s aliasing rules forbid reading one object
// through a pointer to an unrelated type. The solver drops such flows when
// the types rule them out: they come from members merged into one node (two
// fields of a container's elements), never from the program.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_TYPEOVERLAP_H
#define CLANG_ESCAPE_LIB_BUILD_TYPEOVERLAP_H

#include "clang/AST/Type.h"

namespace escape {

/// True if an object of class \p T may be part of a larger object of another
/// type that its static type does not show: a polymorphic class that is not
/// final (a derived object, reached through a virtual call), or a CRTP base
/// (`static_cast<D *>(this)`).
bool mayBeBaseOfMore(clang::QualType T);

/// True if a pointer to \p Pointee may point into an object of type
/// \p Object: the same type; a subobject of it at any depth (a base, a
/// field, an array element, an element of a standard container or wrapper,
/// which the analysis keeps inside the object); a class derived from it
/// (a downcast); or either side holds anything (void, character or
/// std::byte storage, a union, an incomplete or dependent type).
bool mayPointInto(clang::QualType Pointee, clang::QualType Object);

/// True if an object of type \p Holder may keep a pointer into an object of
/// type \p Object: some pointer it holds, itself or as a subobject at any
/// depth (a field, an element, what a standard class's template argument
/// makes it point to), may point into it (mayPointInto). True also when
/// what it holds cannot be told (void or character pointers, unions,
/// incomplete or dependent types, a walk too long).
bool mayKeepPointerInto(clang::QualType Holder, clang::QualType Object);

} // namespace escape

#endif
