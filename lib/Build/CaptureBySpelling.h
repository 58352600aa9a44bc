//===- CaptureBySpelling.h - lifetime_capture_by read from the source -*- C++
//-*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Clang 20 introduced [[clang::lifetime_capture_by(X)]]. An older Clang does
// not know the attribute and drops it (with a warning), although the code
// that uses it is written for a newer compiler and says what it means. This
// reads the attribute's arguments from the tokens that follow a parameter's
// name, so that the LLVM 19 build honours the same facts as the LLVM 22 one.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_BUILD_CAPTUREBYSPELLING_H
#define CLANG_ESCAPE_BUILD_CAPTUREBYSPELLING_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class ParmVarDecl;
} // namespace clang

namespace escape {

/// The arguments of a `[[clang::lifetime_capture_by(...)]]` written after
/// the name of \p P (`this`, `global`, `unknown` or a parameter's name), in
/// the order written; empty when there is none or it cannot be read (a
/// macro, a declaration without source).
llvm::SmallVector<llvm::StringRef, 2>
spelledCaptureBy(const clang::ParmVarDecl *P);

} // namespace escape

#endif
