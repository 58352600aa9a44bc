//===- PositionEncodingTest.cpp - LSP columns and byte offsets ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "PositionEncoding.h"

#include "gtest/gtest.h"

using namespace escape::lsp;

namespace {

// "ü" is 2 bytes and 1 UTF-16 unit, "€" 3 and 1, "😀" 4 and 2.
const char *Line = "/* \xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80 */ return";

TEST(PositionEncoding, BytesToUtf16Columns) {
  EXPECT_EQ(columnOfBytes(Line, 3, Encoding::Utf16), 3u);
  EXPECT_EQ(columnOfBytes(Line, 5, Encoding::Utf16), 4u);
  EXPECT_EQ(columnOfBytes(Line, 8, Encoding::Utf16), 5u);
  EXPECT_EQ(columnOfBytes(Line, 12, Encoding::Utf16), 7u);
  EXPECT_EQ(columnOfBytes(Line, 16, Encoding::Utf16), 11u);
  EXPECT_EQ(columnOfBytes(Line, 16, Encoding::Utf8), 16u);
}

TEST(PositionEncoding, Utf16ColumnsToBytes) {
  EXPECT_EQ(bytesOfColumn(Line, 4, Encoding::Utf16), 5u);
  EXPECT_EQ(bytesOfColumn(Line, 7, Encoding::Utf16), 12u);
  EXPECT_EQ(bytesOfColumn(Line, 11, Encoding::Utf16), 16u);
  // Past the end of the line: its end, as LSP asks.
  EXPECT_EQ(bytesOfColumn(Line, 100, Encoding::Utf16), strlen(Line));
  EXPECT_EQ(bytesOfColumn(Line, 100, Encoding::Utf8), strlen(Line));
}

TEST(PositionEncoding, OffsetsOfPositions) {
  const char *Text = "ab\n\xC3\xBC"
                     "c\nlast";
  EXPECT_EQ(offsetOf(Text, 0, 1, Encoding::Utf16), 1u);
  EXPECT_EQ(offsetOf(Text, 1, 1, Encoding::Utf16), 5u);
  EXPECT_EQ(offsetOf(Text, 1, 1, Encoding::Utf8), 4u);
  EXPECT_EQ(offsetOf(Text, 2, 4, Encoding::Utf16), strlen(Text));
  EXPECT_EQ(offsetOf(Text, 9, 0, Encoding::Utf16), strlen(Text));
  EXPECT_EQ(lineOf(Text, 2), "last");
  EXPECT_EQ(lineOf(Text, 3), "");
}

} // namespace
