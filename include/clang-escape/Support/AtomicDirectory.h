//===- AtomicDirectory.h - Replace a directory of files at once -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_ATOMICDIRECTORY_H
#define CLANG_ESCAPE_SUPPORT_ATOMICDIRECTORY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace escape {

/// A file of a directory written at once: its path relative to the
/// directory ('/' separated) and its content.
using DirectoryFile = std::pair<std::string, std::string>;

/// Writes \p Files into a new directory next to \p Dir (Dir.tmp-XXXXXX),
/// then puts it in Dir's place: a killed process leaves the previous
/// directory or the new one, never a mix. An existing \p Dir is replaced
/// only when it holds \p Marker (a file an earlier run wrote) or is empty:
/// never a directory of someone else's files.
llvm::Error writeDirectoryAtomically(llvm::StringRef Dir,
                                     const std::vector<DirectoryFile> &Files,
                                     llvm::StringRef Marker);

} // namespace escape

#endif
