//===- AtomicFile.h - Write a file so that no reader sees half -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_ATOMICFILE_H
#define CLANG_ESCAPE_SUPPORT_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>

namespace escape {

/// Writes \p Content to \p Path through a temporary file in the same
/// directory and a rename: a killed process leaves the old file or the new
/// one, never a torn one.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content);

/// Reads the whole of \p Path; the error names the file and the reason.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readWholeFile(llvm::StringRef Path);

} // namespace escape

#endif
