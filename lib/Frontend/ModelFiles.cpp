//===- ModelFiles.cpp - The model files a run loads -----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/ModelFiles.h"
#include "clang-escape/Build/ModelTable.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>

namespace escape {

std::string objectPathOf(const void *Address) {
  Dl_info Info;
  if (!dladdr(Address, &Info) || !Info.dli_fname)
    return "";
  llvm::SmallString<256> P;
  if (llvm::sys::fs::real_path(Info.dli_fname, P))
    return Info.dli_fname;
  return std::string(P);
}

std::string shippedModelsPath(llvm::StringRef ObjectPath) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(ObjectPath);
  // bin/ is one level below the prefix, lib/clang-escape/llvmN/ three.
  for (int Up = 0; Up < 3 && !Dir.empty(); ++Up) {
    Dir = llvm::sys::path::parent_path(Dir);
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, "share", "clang-escape", "models.json");
    if (llvm::sys::fs::exists(P))
      return std::string(P);
  }
  return "";
}

llvm::Error loadModelFiles(ModelTable &Models, llvm::StringRef ObjectPath,
                           const std::vector<std::string> &Extra) {
  if (!ObjectPath.empty()) {
    std::string Shipped = shippedModelsPath(ObjectPath);
    if (!Shipped.empty())
      if (llvm::Error E = Models.loadFile(Shipped))
        return E;
  }
  for (const std::string &F : Extra)
    if (llvm::Error E = Models.loadFile(F))
      return E;
  return llvm::Error::success();
}

} // namespace escape
