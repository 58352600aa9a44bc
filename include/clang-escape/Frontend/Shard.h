//===- Shard.h - One deterministic part of a compilation database -*- C++ -*-=//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// --extract-only --shard=K/N: the jobs of a CI matrix each extract the
// files of one shard. A file belongs to a shard by a hash of its path, not
// by its position in the database, so that adding a file moves no other.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_SHARD_H
#define CLANG_ESCAPE_FRONTEND_SHARD_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace escape {

/// Shard Index of Count, counted from 1 as GitLab's CI_NODE_INDEX is.
struct Shard {
  unsigned Index = 1;
  unsigned Count = 1;
  /// Whether the file at \p Path (as the compilation database names it,
  /// made absolute) belongs to this shard.
  bool owns(llvm::StringRef Path) const;
};

/// "K/N", 1 <= K <= N.
llvm::Expected<Shard> parseShard(llvm::StringRef Text);

} // namespace escape

#endif
