//===- PositionEncoding.h - LSP columns and byte offsets --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Clang counts columns in bytes; LSP counts them in UTF-16 code units unless
// client and server agree on UTF-8 (general.positionEncodings, LSP 3.17).
// Lines are split at '\n' only; a '\r' before it belongs to the line.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_POSITIONENCODING_H
#define CLANG_ESCAPE_LIB_LSP_POSITIONENCODING_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>

namespace escape {
namespace lsp {

enum class Encoding { Utf8, Utf16 };

/// The name LSP gives \p E ("utf-8", "utf-16").
const char *encodingName(Encoding E);

/// Line \p Line (0-based) of \p Text without its '\n'; "" past the end.
llvm::StringRef lineOf(llvm::StringRef Text, unsigned Line);

/// The LSP column of the first \p Bytes bytes of \p LineText.
unsigned columnOfBytes(llvm::StringRef LineText, size_t Bytes, Encoding E);

/// The bytes of \p LineText before LSP column \p Column, clamped to the line.
size_t bytesOfColumn(llvm::StringRef LineText, unsigned Column, Encoding E);

/// The byte offset in \p Text of an LSP position, clamped to the text (as
/// LSP asks of a character past the end of a line).
size_t offsetOf(llvm::StringRef Text, unsigned Line, unsigned Column,
                Encoding E);

} // namespace lsp
} // namespace escape

#endif
