//===- SourceKind.cpp - Which files of a database are C or C++ ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/SourceKind.h"

#include "llvm/Support/Path.h"

namespace escape {

bool isAssemblySource(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return Ext.equals_insensitive(".s") || Ext.equals_insensitive(".sx") ||
         Ext.equals_insensitive(".asm");
}

} // namespace escape
