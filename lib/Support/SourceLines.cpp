//===- SourceLines.cpp - Lines of source files, read once -----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/SourceLines.h"

#include "llvm/ADT/SmallVector.h"

namespace escape {

llvm::StringRef SourceLines::line(const std::string &File, unsigned Line) {
  auto It = Files.find(File);
  if (It == Files.end()) {
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    auto Buf = llvm::MemoryBuffer::getFile(File);
    if (Buf) {
      (*Buf)->getBuffer().split(Lines, '\n');
      Buffers.push_back(std::move(*Buf));
    }
    It = Files
             .try_emplace(
                 File, std::vector<llvm::StringRef>(Lines.begin(), Lines.end()))
             .first;
  }
  if (Line == 0 || Line > It->second.size())
    return "";
  return It->second[Line - 1].rtrim("\r");
}

} // namespace escape
