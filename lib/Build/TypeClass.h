//===- TypeClass.h - What a C++ type can hold -------------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Go sends values without pointers to the blank hole; C++ needs the same
// question answered for class types, plus the owner/view distinction: an
// owner (std::string, std::vector) absorbs the storage it owns, a view
// (std::string_view, iterators, smart pointers) points at someone else's.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_BUILD_TYPECLASS_H
#define CLANG_ESCAPE_BUILD_TYPECLASS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class CXXRecordDecl;
class FieldDecl;
class ASTContext;
} // namespace clang

namespace escape {

enum class RecordClass {
  Plain,    ///< an ordinary struct: holds what its fields hold.
  Owner,    ///< owns its storage: containers, strings, optional.
  View,     ///< borrows: string_view, span, iterators, reference_wrapper.
  SmartPtr, ///< owns one heap object through a pointer.
  Erased,   ///< std::function, std::any: owns a copy of anything.
  Thread,   ///< std::thread, std::jthread.
};

/// Classifies types, with a cache per translation unit.
class TypeClassifier {
public:
  explicit TypeClassifier(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// True if a value of type T may hold the address of another object.
  bool mayHoldAddress(clang::QualType T);
  /// True if a constructor of \p RD says it keeps what a parameter refers
  /// to (`[[clang::lifetimebound]]`): its objects hold addresses whatever
  /// their fields, and a copy copies them whole.
  static bool keepsByAnnotation(const clang::CXXRecordDecl *RD);
  /// True if the addresses an object of \p RD holds are known only from
  /// keepsByAnnotation: an ordinary class none of whose fields or bases
  /// may hold one (a copy of its fields copies none).
  bool holdsOnlyByAnnotation(const clang::CXXRecordDecl *RD);
  RecordClass classify(const clang::CXXRecordDecl *RD);
  RecordClass classify(clang::QualType T);
  /// True for class types that behave as a pointer (views, smart pointers).
  bool isPointerLike(clang::QualType T);
  bool isOwner(clang::QualType T) { return classify(T) == RecordClass::Owner; }
  /// True if destroying a T runs user code that does something (outside
  /// the standard library): a destructor that may unregister the object.
  bool cleansUp(clang::QualType T);
  /// True if destroying a T may take it out of where it was stored: a
  /// destructor that cleans up (cleansUp) and reaches beyond the object's
  /// own values (calls the program, names a global, follows a pointer).
  bool mayUnregister(clang::QualType T);
  /// True if a T owns the heap objects it points to: a unique_ptr, a
  /// container of such, or a class whose destructor deletes or destroys
  /// what it holds. What a pointer read from an owner points to dies with
  /// the owner.
  bool ownsHeap(clang::QualType T);
  /// True if F's class owns what F points to: F is a unique owner, or a
  /// pointer the class's destructor deletes.
  bool ownsField(const clang::FieldDecl *F);
  /// escape::soleSharedOwner (SoleSharedOwner.h), once per class.
  bool soleSharedOwner(const clang::CXXRecordDecl *RD);

private:
  /// cleansUp, or with \p Unregister mayUnregister, cached in \p Cache.
  bool destructorDoes(clang::QualType T,
                      llvm::DenseMap<const clang::CXXRecordDecl *, bool> &Cache,
                      bool Unregister);
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::Type *, bool> HoldCache;
  llvm::DenseMap<const clang::CXXRecordDecl *, RecordClass> ClassCache;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> CleanCache;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> UnregisterCache;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> OwnsCache;
  llvm::DenseMap<const clang::FieldDecl *, bool> OwnsFieldCache;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> SoleOwnerCache;
};

/// True if D is declared in namespace std (at any depth).
bool isInStd(const clang::Decl *D);

} // namespace escape

#endif
