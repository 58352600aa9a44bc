//===- SourceKind.h - Which files of a database are C or C++ --*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A compilation database lists every file the build compiles, assembly
// sources too (a fiber library's context switch, `osfiber_asm_x64.S`).
// They hold no C or C++ to analyze; parsed as C they only add errors, and
// an exit status of 2, to every run over the database.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_SOURCEKIND_H
#define CLANG_ESCAPE_FRONTEND_SOURCEKIND_H

#include "llvm/ADT/StringRef.h"

namespace escape {

/// True for an assembly source (`.s`, `.S`, `.sx`, `.asm`), by its name.
bool isAssemblySource(llvm::StringRef Path);

} // namespace escape

#endif
