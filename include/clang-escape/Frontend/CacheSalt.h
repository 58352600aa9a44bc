//===- CacheSalt.h - Which build of clang-escape wrote the cache -*- C++ -*-=//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Builds of the tool that share a version number must not read each other's
// cache entries. The CLI's executable identifies its build; the clang-tidy
// module reads the entries of the CLI it was built and installed with.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_CACHESALT_H
#define CLANG_ESCAPE_FRONTEND_CACHESALT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace escape {

/// The salt of the cache entries written by the CLI at \p Executable (its
/// size and a hash of its content); empty if it does not exist.
std::string cacheSaltOf(llvm::StringRef Executable);

/// The CLI installed with the loadable object at \p ObjectPath: objects sit
/// in <prefix>/lib/clang-escape/llvmN, the CLI in <prefix>/bin.
std::string cliBeside(llvm::StringRef ObjectPath);

} // namespace escape

#endif
