//===- CacheSalt.cpp - Which build of clang-escape wrote the cache --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/CacheSalt.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace escape {

std::string cacheSaltOf(llvm::StringRef Executable) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Executable, Status) ||
      !llvm::sys::fs::exists(Status))
    return "";
  return std::to_string(Status.getSize()) + "-" +
         std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime()));
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
