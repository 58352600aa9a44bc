//===- DocumentStore.h - The editor's open buffers --------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// What the client has open, at its latest version, and a file system that
// shows those buffers over the real one: an analysis reads unsaved text.
// Shared by the message loop and the analysis worker, hence the lock.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_DOCUMENTSTORE_H
#define CLANG_ESCAPE_LIB_LSP_DOCUMENTSTORE_H

#include "PositionEncoding.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace escape {
namespace lsp {

struct Document {
  std::string Uri;
  std::string Path;
  std::string Text;
  int64_t Version = 0;
  /// Bumped on every change, also one that keeps the version number: tells
  /// the file system that the buffer is new.
  uint64_t Generation = 0;
};

/// One entry of a didChange: the whole text, or a range replaced.
struct ContentChange {
  bool Whole = true;
  unsigned StartLine = 0, StartColumn = 0, EndLine = 0, EndColumn = 0;
  std::string Text;
};

class DocumentStore {
public:
  void open(Document D);
  /// Applies \p Changes in order; an error when \p Path is not open.
  llvm::Error change(const std::string &Path, int64_t Version,
                     const std::vector<ContentChange> &Changes, Encoding E);
  /// False when it was not open.
  bool close(const std::string &Path);
  std::optional<Document> get(const std::string &Path) const;
  std::vector<std::string> paths() const;
  /// The open buffers over the real file system, as they are now.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> overlay() const;

private:
  mutable std::mutex Lock;
  std::map<std::string, Document> Docs;
  uint64_t NextGeneration = 1;
};

} // namespace lsp
} // namespace escape

#endif
