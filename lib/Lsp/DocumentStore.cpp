//===- DocumentStore.cpp - The editor's open buffers ----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "DocumentStore.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

namespace escape {
namespace lsp {

void DocumentStore::open(Document D) {
  std::lock_guard<std::mutex> G(Lock);
  D.Generation = NextGeneration++;
  std::string Path = D.Path;
  Docs[Path] = std::move(D);
}

llvm::Error DocumentStore::change(const std::string &Path, int64_t Version,
                                  const std::vector<ContentChange> &Changes,
                                  Encoding E) {
  std::lock_guard<std::mutex> G(Lock);
  auto It = Docs.find(Path);
  if (It == Docs.end())
    return llvm::createStringError(std::errc::invalid_argument,
                                   "didChange for '%s', which is not open",
                                   Path.c_str());
  std::string &Text = It->second.Text;
  for (const ContentChange &C : Changes) {
    if (C.Whole) {
      Text = C.Text;
      continue;
    }
    size_t Begin = offsetOf(Text, C.StartLine, C.StartColumn, E);
    size_t End = offsetOf(Text, C.EndLine, C.EndColumn, E);
    if (End < Begin)
      std::swap(Begin, End);
    Text.replace(Begin, End - Begin, C.Text);
  }
  It->second.Version = Version;
  It->second.Generation = NextGeneration++;
  return llvm::Error::success();
}

bool DocumentStore::close(const std::string &Path) {
  std::lock_guard<std::mutex> G(Lock);
  return Docs.erase(Path) != 0;
}

std::optional<Document> DocumentStore::get(const std::string &Path) const {
  std::lock_guard<std::mutex> G(Lock);
  auto It = Docs.find(Path);
  if (It == Docs.end())
    return std::nullopt;
  return It->second;
}

std::vector<std::string> DocumentStore::paths() const {
  std::lock_guard<std::mutex> G(Lock);
  std::vector<std::string> Out;
  for (const auto &[Path, D] : Docs)
    Out.push_back(Path);
  return Out;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> DocumentStore::overlay() const {
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  {
    std::lock_guard<std::mutex> G(Lock);
    for (const auto &[Path, D] : Docs)
      // The generation as the modification time: a reused preamble is
      // checked against it, so an edited header is never taken as unchanged.
      Memory->addFile(Path, static_cast<time_t>(D.Generation),
                      llvm::MemoryBuffer::getMemBufferCopy(D.Text, Path));
  }
  // Not the process-wide file system: each analysis sets its own working
  // directory.
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  Overlay->pushOverlay(std::move(Memory));
  return Overlay;
}

} // namespace lsp
} // namespace escape
