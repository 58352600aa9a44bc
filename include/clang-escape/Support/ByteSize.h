//===- ByteSize.h - Sizes such as 512M on the command line ------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_BYTESIZE_H
#define CLANG_ESCAPE_SUPPORT_BYTESIZE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>

namespace escape {

/// Bytes, or a number followed by K, M, G or T (powers of 1024, as ccache
/// and du read them; an optional trailing "B" or "iB").
llvm::Expected<uint64_t> parseByteSize(llvm::StringRef Text);

} // namespace escape

#endif
