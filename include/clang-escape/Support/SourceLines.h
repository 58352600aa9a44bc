//===- SourceLines.h - Lines of source files, read once ---------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_SUPPORT_SOURCELINES_H
#define CLANG_ESCAPE_SUPPORT_SOURCELINES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <string>
#include <vector>

namespace escape {

/// Source lines for carets, regions and fingerprints; each file is read
/// once. Not thread-safe.
class SourceLines {
public:
  /// Line \p Line (1-based) of \p File without its end of line; "" when the
  /// file cannot be read or is shorter.
  llvm::StringRef line(const std::string &File, unsigned Line);

private:
  llvm::StringMap<std::vector<llvm::StringRef>> Files;
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

} // namespace escape

#endif
