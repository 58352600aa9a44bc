//===- SourcePaths.cpp - How file names are shown and compared ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/SourcePaths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace escape {

std::string canonicalPath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Abs, Real))
    return std::string(Real);
  return std::string(Abs);
}

SourcePaths::SourcePaths(llvm::StringRef R,
                         const std::vector<std::string> &Given)
    : Root(canonicalPath(R)) {
  while (Root.size() > 1 && Root.back() == '/')
    Root.pop_back();
  for (const std::string &G : Given)
    GivenAs.try_emplace(canonicalPath(G), G);
}

const std::string &SourcePaths::canonical(llvm::StringRef File) const {
  auto It = Canonical.find(File);
  if (It == Canonical.end())
    It = Canonical.try_emplace(File, canonicalPath(File)).first;
  return It->second;
}

void SourcePaths::addAlias(llvm::StringRef Other) {
  Aliases.push_back(canonicalPath(Other));
}

std::string SourcePaths::relative(llvm::StringRef File) const {
  if (Root.empty() || File.empty())
    return "";
  llvm::StringRef Path(canonical(File));
  for (size_t I = 0; I <= Aliases.size(); ++I) {
    llvm::StringRef Rest = Path;
    llvm::StringRef Dir = I == 0 ? Root : Aliases[I - 1];
    if (!Rest.consume_front(Dir) || (!Rest.empty() && Rest.front() != '/'))
      continue;
    Rest.consume_front("/");
    return llvm::sys::path::convert_to_slash(Rest);
  }
  return "";
}

std::string SourcePaths::shown(llvm::StringRef File) const {
  if (File.empty())
    return "";
  auto It = GivenAs.find(canonical(File));
  if (It != GivenAs.end())
    return It->second;
  std::string Rel = relative(File);
  return Rel.empty() ? File.str() : Rel;
}

} // namespace escape
