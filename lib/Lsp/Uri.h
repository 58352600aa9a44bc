//===- Uri.h - file: URIs and paths -----------------------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_URI_H
#define CLANG_ESCAPE_LIB_LSP_URI_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace escape {
namespace lsp {

/// The absolute path a file: URI names (percent-escapes decoded).
llvm::Expected<std::string> pathOfUri(llvm::StringRef Uri);

/// \p Path made absolute against \p Dir (a compile command's directory),
/// without "." and ".." components.
std::string absoluteIn(llvm::StringRef Path, llvm::StringRef Dir);

/// The file: URI of the absolute path \p Path, escaped as VS Code does.
std::string uriOfPath(llvm::StringRef Path);

} // namespace lsp
} // namespace escape

#endif
