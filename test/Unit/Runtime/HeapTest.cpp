//===- HeapTest.cpp - Allocator invariants --------------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "clang-escape/Runtime/Heap.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace escape::runtime;
using namespace escape::runtime::test;

namespace {

// bdwgc's gctest: "Found nonzero ... allocator is broken". Dirty objects of
// every size class are dropped, collected, and the reused memory must read
// back as zero.
TEST(HeapTest, AllocationIsZeroedAfterReuse) {
  const size_t Sizes[] = {1, 8, 16, 24, 100, 1000, 4096, 30000, 70000, 300000};
  for (int Round = 0; Round < 3; ++Round) {
    for (size_t Size : Sizes)
      for (int I = 0; I < 64; ++I)
        allocateHidden(Size); // filled with 0x11, then dropped
    ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
    for (size_t Size : Sizes) {
      for (int I = 0; I < 64; ++I) {
        auto *P = static_cast<unsigned char *>(escrt_malloc(Size));
        for (size_t B = 0; B < Size; ++B)
          ASSERT_EQ(P[B], 0) << "size " << Size << " byte " << B;
      }
    }
  }
}

TEST(HeapTest, PowerOfTwoClassesAreAligned) {
  for (size_t Size = 16; Size <= 32768; Size *= 2) {
    void *P = escrt_malloc(Size);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(P) % Size, 0u) << Size;
  }
}

TEST(HeapTest, SizeClassesCoverEveryRequest) {
  for (unsigned C = 1; C < numSizeClasses(); ++C)
    EXPECT_LT(sizeClassBytes(C - 1), sizeClassBytes(C));
  EXPECT_EQ(sizeClassBytes(numSizeClasses() - 1), Heap::MaxSmall);
}

TEST(HeapTest, InteriorPointersFindTheirObject) {
  Heap H;
  ASSERT_TRUE(H.init(size_t(1) << 26));
  auto *Small = static_cast<char *>(H.allocate(40, ObjKind::Manual, 0));
  auto *Large = static_cast<char *>(H.allocate(200000, ObjKind::Manual, 0));
  ObjRef R = H.find(reinterpret_cast<uintptr_t>(Small + 39));
  ASSERT_TRUE(R);
  EXPECT_EQ(R.Base, reinterpret_cast<uintptr_t>(Small));
  EXPECT_EQ(R.Meta->Size, 40u);
  R = H.find(reinterpret_cast<uintptr_t>(Large + 150000));
  ASSERT_TRUE(R);
  EXPECT_EQ(R.Base, reinterpret_cast<uintptr_t>(Large));
  // A slot that was never handed out is not an object.
  EXPECT_FALSE(H.find(reinterpret_cast<uintptr_t>(Small) + 48));
  EXPECT_FALSE(H.find(0x1000));
}

TEST(HeapTest, QuarantineRejectsDoubleDeleteAndInteriorPointers) {
  Heap H;
  ASSERT_TRUE(H.init(size_t(1) << 26));
  auto *P = static_cast<char *>(H.allocate(64, ObjKind::Manual, 0));
  bool WasLeaked;
  EXPECT_FALSE(H.quarantine(P + 8, WasLeaked));
  EXPECT_TRUE(H.quarantine(P, WasLeaked));
  EXPECT_FALSE(WasLeaked);
  EXPECT_FALSE(H.quarantine(P, WasLeaked));
  EXPECT_EQ(H.find(reinterpret_cast<uintptr_t>(P)).Meta->State,
            ObjState::Quarantined);
}

TEST(HeapTest, GenerationsCountAllocations) {
  Heap H;
  ASSERT_TRUE(H.init(size_t(1) << 26));
  uint64_t G0 = H.generation();
  void *A = H.allocate(16, ObjKind::Manual, 0);
  void *B = H.allocate(16, ObjKind::Manual, 0);
  EXPECT_EQ(H.generation(), G0 + 2);
  EXPECT_EQ(H.find(reinterpret_cast<uintptr_t>(A)).Meta->Gen, G0 + 1);
  EXPECT_EQ(H.find(reinterpret_cast<uintptr_t>(B)).Meta->Gen, G0 + 2);
}

} // namespace
