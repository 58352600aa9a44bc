//===- FileAnalysis.h - What the server knows of one buffer -----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_FILEANALYSIS_H
#define CLANG_ESCAPE_LIB_LSP_FILEANALYSIS_H

#include "clang-escape/Report/Finding.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <cstdint>
#include <string>

namespace escape {
namespace lsp {

/// What one analysis of one buffer version found.
struct FileAnalysis {
  std::string Path;
  int64_t Version = 0;
  /// The buffer analyzed, for positions.
  std::string Text;
  /// Filtered as the CLI filters: checks, ReportMaybe, NOLINT. Its paths
  /// are absolute; the buffer's is Path.
  Report Rep;
  bool HadErrors = false;
  bool SuggestAnnotations = false;
  /// Files as the analysis saw them (open buffers over the disk).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
};

} // namespace lsp
} // namespace escape

#endif
