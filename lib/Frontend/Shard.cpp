//===- Shard.cpp - One deterministic part of a compilation database -------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/Shard.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace escape {

bool Shard::owns(llvm::StringRef Path) const {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return llvm::xxh3_64bits(Abs) % Count == Index - 1;
}

llvm::Expected<Shard> parseShard(llvm::StringRef Text) {
  auto [K, N] = Text.split('/');
  Shard S;
  if (K.getAsInteger(10, S.Index) || N.getAsInteger(10, S.Count) ||
      S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "--shard takes K/N with 1 <= K <= N (e.g. 2/3), not '%s'",
        Text.str().c_str());
  return S;
}

} // namespace escape
