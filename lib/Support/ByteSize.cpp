//===- ByteSize.cpp - Sizes such as 512M on the command line --------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/ByteSize.h"

#include "llvm/ADT/StringExtras.h"

namespace escape {

llvm::Expected<uint64_t> parseByteSize(llvm::StringRef Text) {
  llvm::StringRef S = Text.trim();
  if (!S.consume_back_insensitive("ib"))
    S.consume_back_insensitive("b");
  unsigned Shift = 0;
  if (!S.empty())
    switch (llvm::toLower(S.back())) {
    case 'k':
      Shift = 10;
      break;
    case 'm':
      Shift = 20;
      break;
    case 'g':
      Shift = 30;
      break;
    case 't':
      Shift = 40;
      break;
    }
  if (Shift)
    S = S.drop_back();
  uint64_t N = 0;
  if (S.empty() || S.getAsInteger(10, N) || (Shift && N > (~0ull >> Shift)))
    return llvm::createStringError(
        std::errc::invalid_argument,
        "'%s' is not a size (bytes, or a number followed by K, M, G or T)",
        Text.str().c_str());
  return N << Shift;
}

} // namespace escape
