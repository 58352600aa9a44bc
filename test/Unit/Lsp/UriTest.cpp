//===- UriTest.cpp - file: URIs and paths ---------------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "Uri.h"

#include "gtest/gtest.h"

using namespace escape::lsp;

namespace {

TEST(Uri, RoundTrip) {
  std::string Path = "/src/my project/a+b#c.cpp";
  EXPECT_EQ(uriOfPath(Path), "file:///src/my%20project/a%2Bb%23c.cpp");
  auto Back = pathOfUri(uriOfPath(Path));
  ASSERT_TRUE(bool(Back));
  EXPECT_EQ(*Back, Path);
}

TEST(Uri, AcceptsWhatClientsSend) {
  auto Lower = pathOfUri("file:///a%c3%bc.cpp");
  ASSERT_TRUE(bool(Lower));
  EXPECT_EQ(*Lower, "/a\xC3\xBC.cpp");
  auto Host = pathOfUri("file://localhost/x.cpp");
  ASSERT_TRUE(bool(Host));
  EXPECT_EQ(*Host, "/x.cpp");
}

TEST(Uri, RejectsOtherSchemes) {
  auto Untitled = pathOfUri("untitled:Untitled-1");
  EXPECT_FALSE(bool(Untitled));
  llvm::consumeError(Untitled.takeError());
  auto Remote = pathOfUri("file://server/share/x.cpp");
  EXPECT_FALSE(bool(Remote));
  llvm::consumeError(Remote.takeError());
}

TEST(Uri, AbsoluteInDirectory) {
  EXPECT_EQ(absoluteIn("../src/./a.cpp", "/b/build"), "/b/src/a.cpp");
  EXPECT_EQ(absoluteIn("/abs/a.cpp", "/b"), "/abs/a.cpp");
}

} // namespace
