//===- TransportTest.cpp - JSON-RPC messages over a byte stream -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "Transport.h"

#include "gtest/gtest.h"

#include <cstdio>

using namespace escape::lsp;

namespace {

/// A transport reading \p Input; \p Out collects what it writes.
struct Pipe {
  std::string Written;
  llvm::raw_string_ostream Out{Written};
  std::FILE *In;
  Transport T;
  explicit Pipe(const std::string &Input)
      : In(fmemopen(const_cast<char *>(Input.data()), Input.size(), "r")),
        T(In, Out) {}
  ~Pipe() {
    if (In)
      std::fclose(In);
  }
};

TEST(Transport, ReadsFramedMessages) {
  std::string Input = "Content-Length: 2\r\n\r\n{}"
                      "content-length: 3\r\nContent-Type: x\r\n\r\n[1]";
  Pipe P(Input);
  auto A = P.T.read();
  ASSERT_TRUE(bool(A));
  EXPECT_EQ(*A, "{}");
  auto B = P.T.read();
  ASSERT_TRUE(bool(B));
  EXPECT_EQ(*B, "[1]");
  auto End = P.T.read();
  ASSERT_FALSE(bool(End));
  EXPECT_TRUE(End.errorIsA<EndOfInput>());
  llvm::consumeError(End.takeError());
}

TEST(Transport, MalformedHeaderThenGoesOn) {
  std::string Input = "Content-Length: x\r\n\r\nContent-Length: 1\r\n\r\n7";
  Pipe P(Input);
  auto Bad = P.T.read();
  ASSERT_FALSE(bool(Bad));
  EXPECT_FALSE(Bad.errorIsA<EndOfInput>());
  llvm::consumeError(Bad.takeError());
  auto Good = P.T.read();
  ASSERT_TRUE(bool(Good));
  EXPECT_EQ(*Good, "7");
}

TEST(Transport, TruncatedBodyIsTheEnd) {
  std::string Input = "Content-Length: 10\r\n\r\n{}";
  Pipe P(Input);
  auto R = P.T.read();
  ASSERT_FALSE(bool(R));
  EXPECT_TRUE(R.errorIsA<EndOfInput>());
  llvm::consumeError(R.takeError());
}

TEST(Transport, SendFrames) {
  Pipe P("");
  P.T.send(nlohmann::json{{"a", 1}});
  EXPECT_EQ(P.Written, "Content-Length: 7\r\n\r\n{\"a\":1}");
}

} // namespace
