//===- CacheSalt.cpp - Which build of clang-escape wrote the cache --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/CacheSalt.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace escape {

std::string cacheSaltOf(llvm::StringRef Executable) {
  // Its content, not its time: the same build copied to another machine
  // (a CI artifact, unpacked with a new time) reads the entries it wrote.
  auto Buf = llvm::MemoryBuffer::getFile(Executable, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return "";
  return std::to_string((*Buf)->getBufferSize()) + "-" +
         std::to_string(llvm::xxh3_64bits((*Buf)->getBuffer()));
}

std::string cliBeside(llvm::StringRef ObjectPath) {
  llvm::StringRef Prefix = ObjectPath;
  for (int Up = 0; Up < 4; ++Up)
    Prefix = llvm::sys::path::parent_path(Prefix);
  llvm::SmallString<256> P(Prefix);
  llvm::sys::path::append(P, "bin", "clang-escape");
  return std::string(P);
}

} // namespace escape
