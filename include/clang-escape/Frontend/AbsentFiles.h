//===- AbsentFiles.h - The files a parse looked for and did not find -*- C++
//-*-=//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A cache entry is valid while the files the translation unit read are
// unchanged, and while the files it looked for and did not find are still
// missing: a new header earlier on the include path shadows the one read.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_ABSENTFILES_H
#define CLANG_ESCAPE_FRONTEND_ABSENTFILES_H

#include "llvm/Support/VirtualFileSystem.h"

#include <set>
#include <string>

namespace escape {

/// A file system that notes the paths looked up in vain (outside the
/// system's directories, which a build does not add headers to).
class AbsentFileRecorder : public llvm::vfs::ProxyFileSystem {
public:
  explicit AbsentFileRecorder(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : ProxyFileSystem(std::move(FS)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override;
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;

  /// Absolute paths looked up and not found.
  const std::set<std::string> &absent() const { return Absent; }

private:
  void note(const llvm::Twine &Path, std::error_code EC);
  std::set<std::string> Absent;
};

} // namespace escape

#endif
