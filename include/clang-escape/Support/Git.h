//===- Git.h - Running git for the source root and merge bases -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_GIT_H
#define CLANG_ESCAPE_SUPPORT_GIT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace escape {

/// Runs `git -C Dir Args...`; its standard output without the final newline,
/// or an error that quotes what git printed on stderr.
llvm::Expected<std::string> runGit(llvm::ArrayRef<std::string> Args,
                                   llvm::StringRef Dir);

/// The top level of the git work tree that holds \p Dir, or \p Dir itself
/// when it is not in one (or git is not installed).
std::string defaultSourceRoot(llvm::StringRef Dir);

} // namespace escape

#endif
