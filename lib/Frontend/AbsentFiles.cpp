//===- AbsentFiles.cpp - The files a parse looked for and did not find ----===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/AbsentFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace escape {

void AbsentFileRecorder::note(const llvm::Twine &Path, std::error_code EC) {
  if (EC != std::errc::no_such_file_or_directory)
    return;
  llvm::SmallString<256> Abs;
  Path.toVector(Abs);
  if (makeAbsolute(Abs))
    return;
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  llvm::StringRef P = Abs;
  if (P.starts_with("/usr/") || P.starts_with("/lib/"))
    return;
  Absent.insert(std::string(P));
}

llvm::ErrorOr<llvm::vfs::Status>
AbsentFileRecorder::status(const llvm::Twine &Path) {
  auto S = ProxyFileSystem::status(Path);
  if (!S)
    note(Path, S.getError());
  return S;
}

llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
AbsentFileRecorder::openFileForRead(const llvm::Twine &Path) {
  auto F = ProxyFileSystem::openFileForRead(Path);
  if (!F)
    note(Path, F.getError());
  return F;
}

} // namespace escape
