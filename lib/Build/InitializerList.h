//===- InitializerList.h - std::initializer_list arguments ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A library function given a std::initializer_list copies its elements,
// each by the element type's own copy constructor: the models and the
// in-place constructions both ask what the elements are.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_INITIALIZERLIST_H
#define CLANG_ESCAPE_LIB_BUILD_INITIALIZERLIST_H

#include "clang/AST/Type.h"

namespace escape {

/// The element type of std::initializer_list type \p T (by value or by
/// reference), or null for any other type.
clang::QualType initializerListElement(clang::QualType T);

} // namespace escape

#endif
