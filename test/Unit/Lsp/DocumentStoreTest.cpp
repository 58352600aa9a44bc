//===- DocumentStoreTest.cpp - The editor's open buffers ------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "DocumentStore.h"

#include "gtest/gtest.h"

using namespace escape::lsp;

namespace {

ContentChange replace(unsigned L0, unsigned C0, unsigned L1, unsigned C1,
                      std::string Text) {
  ContentChange C;
  C.Whole = false;
  C.StartLine = L0;
  C.StartColumn = C0;
  C.EndLine = L1;
  C.EndColumn = C1;
  C.Text = std::move(Text);
  return C;
}

TEST(DocumentStore, IncrementalChangesInOrder) {
  DocumentStore S;
  S.open({"file:///t/a.cpp", "/t/a.cpp", "int \xC3\xBC = 1;\nint b;\n", 1});
  uint64_t Before = S.get("/t/a.cpp")->Generation;
  // UTF-16 column 6 is after "int ü ", byte 7.
  ASSERT_FALSE(bool(S.change(
      "/t/a.cpp", 2, {replace(0, 6, 0, 7, "="), replace(1, 4, 1, 5, "c")},
      Encoding::Utf16)));
  std::optional<Document> D = S.get("/t/a.cpp");
  ASSERT_TRUE(D.has_value());
  EXPECT_EQ(D->Text, "int \xC3\xBC = 1;\nint c;\n");
  EXPECT_EQ(D->Version, 2);
  EXPECT_GT(D->Generation, Before);
}

TEST(DocumentStore, WholeTextAndClose) {
  DocumentStore S;
  S.open({"file:///t/a.cpp", "/t/a.cpp", "old", 1});
  ContentChange Whole;
  Whole.Text = "new";
  ASSERT_FALSE(bool(S.change("/t/a.cpp", 2, {Whole}, Encoding::Utf8)));
  EXPECT_EQ(S.get("/t/a.cpp")->Text, "new");
  EXPECT_TRUE(S.close("/t/a.cpp"));
  EXPECT_FALSE(S.close("/t/a.cpp"));
  llvm::Error E = S.change("/t/a.cpp", 3, {Whole}, Encoding::Utf8);
  EXPECT_TRUE(bool(E));
  llvm::consumeError(std::move(E));
}

TEST(DocumentStore, OverlayShowsBuffersOverDisk) {
  DocumentStore S;
  S.open({"file:///nonexistent/dir/a.cpp", "/nonexistent/dir/a.cpp", "unsaved",
          1});
  auto FS = S.overlay();
  auto Buf = FS->getBufferForFile("/nonexistent/dir/a.cpp");
  ASSERT_TRUE(bool(Buf));
  EXPECT_EQ((*Buf)->getBuffer(), "unsaved");
  // The real file system shows through.
  EXPECT_TRUE(FS->exists("/"));
}

} // namespace
