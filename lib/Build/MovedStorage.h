//===- MovedStorage.h - Locals whose storage is moved away ------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A pointer into what a vector or a unique_ptr owns stays valid when the
// owner is moved: the storage changes hands, not place. A local whose
// storage a move hands to something that is not another local of the
// function (a member, the result, an element of a container) takes its
// storage along, so a pointer obtained from it (`p_ = v.data();
// vec_ = std::move(v);`) does not necessarily dangle when the local dies.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_MOVEDSTORAGE_H
#define CLANG_ESCAPE_LIB_BUILD_MOVEDSTORAGE_H

#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class QualType;
class Stmt;
class VarDecl;
} // namespace clang

namespace escape {

class TypeClassifier;

/// True if moving a T hands over the storage it owns, which stays where it
/// is: standard node and buffer containers and smart pointers (not
/// std::string, whose short strings live inside it, nor std::function), or
/// a class of the program that releases what it owns and has a
/// hand-written move constructor.
bool movesStorage(clang::QualType T, TypeClassifier &Types);

/// Adds to \p Out the variables of \p Body (locals, by-value parameters)
/// whose storage a move hands to something other than a local of the
/// function: moved into a member, an argument taking an rvalue reference,
/// a returned object, or returned.
void storageMovedAway(const clang::Stmt *Body, TypeClassifier &Types,
                      llvm::SmallPtrSetImpl<const clang::VarDecl *> &Out);

} // namespace escape

#endif
