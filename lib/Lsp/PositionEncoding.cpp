//===- PositionEncoding.cpp - LSP columns and byte offsets ----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "PositionEncoding.h"

#include <algorithm>

namespace escape {
namespace lsp {

namespace {

/// The length of the UTF-8 sequence that starts with \p Lead; 1 for a byte
/// that starts none, so that invalid text still advances.
size_t sequenceLength(unsigned char Lead) {
  if (Lead >= 0xF0 && Lead < 0xF8)
    return 4;
  if (Lead >= 0xE0)
    return Lead < 0xF0 ? 3 : 1;
  if (Lead >= 0xC0)
    return 2;
  return 1;
}

} // namespace

const char *encodingName(Encoding E) {
  return E == Encoding::Utf8 ? "utf-8" : "utf-16";
}

llvm::StringRef lineOf(llvm::StringRef Text, unsigned Line) {
  size_t Start = 0;
  for (unsigned I = 0; I < Line; ++I) {
    size_t NL = Text.find('\n', Start);
    if (NL == llvm::StringRef::npos)
      return "";
    Start = NL + 1;
  }
  llvm::StringRef Rest = Text.substr(Start);
  return Rest.take_until([](char C) { return C == '\n'; });
}

unsigned columnOfBytes(llvm::StringRef LineText, size_t Bytes, Encoding E) {
  Bytes = std::min(Bytes, LineText.size());
  if (E == Encoding::Utf8)
    return static_cast<unsigned>(Bytes);
  unsigned Units = 0;
  for (size_t I = 0; I < Bytes;) {
    size_t N = sequenceLength(static_cast<unsigned char>(LineText[I]));
    // Beyond the basic plane a character takes a surrogate pair.
    Units += N == 4 ? 2 : 1;
    I += N;
  }
  return Units;
}

size_t bytesOfColumn(llvm::StringRef LineText, unsigned Column, Encoding E) {
  if (E == Encoding::Utf8)
    return std::min<size_t>(Column, LineText.size());
  size_t I = 0;
  for (unsigned Units = 0; I < LineText.size() && Units < Column;) {
    size_t N = sequenceLength(static_cast<unsigned char>(LineText[I]));
    Units += N == 4 ? 2 : 1;
    I += N;
  }
  return std::min(I, LineText.size());
}

size_t offsetOf(llvm::StringRef Text, unsigned Line, unsigned Column,
                Encoding E) {
  size_t Start = 0;
  for (unsigned I = 0; I < Line; ++I) {
    size_t NL = Text.find('\n', Start);
    if (NL == llvm::StringRef::npos)
      return Text.size();
    Start = NL + 1;
  }
  return Start + bytesOfColumn(lineOf(Text, Line), Column, E);
}

} // namespace lsp
} // namespace escape
