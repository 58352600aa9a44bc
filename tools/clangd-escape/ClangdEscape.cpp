//===- ClangdEscape.cpp - clangd with the escape-* checks -----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// clangd's own main, linked with the clang-tidy module's checks, which
// register themselves (lib/Tidy). Only the resource directory is added: a
// clangd derives it from where its binary is, and ours is not beside
// Clang's headers.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/Version.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace clang {
namespace clangd {
// In libclangdMain.a; Debian installs no header for it.
int clangdMain(int Argc, char *Argv[]);
} // namespace clangd
} // namespace clang

int main(int Argc, char *Argv[]) {
  std::vector<char *> Args(Argv, Argv + Argc);
  static char ResourceDir[] = "--resource-dir=" CLANG_ESCAPE_RESOURCE_DIR;
  bool Given = false;
  for (int I = 1; I < Argc; ++I)
    Given |= llvm::StringRef(Argv[I]).starts_with("--resource-dir");
  if (!Given)
    Args.insert(Args.begin() + 1, ResourceDir);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
