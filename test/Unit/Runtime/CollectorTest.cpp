//===- CollectorTest.cpp - Collections keep structures intact -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// In the spirit of bdwgc's gctest: lists and trees are built from collectable
// objects, garbage is churned through forced and automatic collections, and
// the structures are re-verified ("List reversal produced incorrect list -
// collector is broken").
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <gtest/gtest.h>
#include <unistd.h>

using namespace escape::runtime::test;

namespace {

struct Cons {
  Cons *Next;
  long Value;
};

struct Tree {
  Tree *Left, *Right;
  long Depth;
};

Cons *GlobalList; // a root in .bss

Cons *cons(long Value, Cons *Next) {
  auto *C = static_cast<Cons *>(escrt_malloc(sizeof(Cons)));
  C->Value = Value;
  C->Next = Next;
  return C;
}

Cons *ints(long Lo, long Hi) {
  Cons *L = nullptr;
  for (long I = Hi; I >= Lo; --I)
    L = cons(I, L);
  return L;
}

Cons *reverse(Cons *L) {
  Cons *R = nullptr;
  for (; L; L = L->Next)
    R = cons(L->Value, R);
  return R;
}

void checkInts(Cons *L, long Lo, long Hi) {
  for (long I = Lo; I <= Hi; ++I, L = L->Next) {
    ASSERT_NE(L, nullptr) << "list too short at " << I;
    ASSERT_EQ(L->Value, I) << "list corrupted - collector is broken";
  }
  ASSERT_EQ(L, nullptr);
}

__attribute__((noinline)) void churn(size_t Objects) {
  for (size_t I = 0; I < Objects; ++I)
    static_cast<long *>(escrt_malloc(16 + (I % 4) * 16))[0] = long(I);
}

Tree *makeTree(long Depth) {
  auto *T = static_cast<Tree *>(escrt_malloc(sizeof(Tree)));
  T->Depth = Depth;
  if (Depth > 0) {
    T->Left = makeTree(Depth - 1);
    T->Right = makeTree(Depth - 1);
  }
  return T;
}

void checkTree(const Tree *T, long Depth) {
  ASSERT_NE(T, nullptr);
  ASSERT_EQ(T->Depth, Depth) << "tree corrupted - collector is broken";
  if (Depth == 0) {
    ASSERT_EQ(T->Left, nullptr);
    return;
  }
  checkTree(T->Left, Depth - 1);
  checkTree(T->Right, Depth - 1);
}

TEST(CollectorTest, ListsSurviveCollectionsIntact) {
  escrt_set_collect_threshold(size_t(4) << 20);
  GlobalList = ints(1, 100000);
  Cons *Reversed = reverse(GlobalList); // rooted on the stack
  for (int Round = 0; Round < 5; ++Round) {
    churn(200000);
    ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
    checkInts(GlobalList, 1, 100000);
    Cons *Back = reverse(Reversed);
    checkInts(Back, 1, 100000);
  }
  long Expect = 100000;
  for (Cons *L = Reversed; L; L = L->Next)
    ASSERT_EQ(L->Value, Expect--);
  GlobalList = nullptr;
}

TEST(CollectorTest, TreesSurviveCollectionsIntact) {
  escrt_set_collect_threshold(size_t(4) << 20);
  Tree *Root = makeTree(16);
  for (int Round = 0; Round < 3; ++Round) {
    churn(300000);
    ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
    checkTree(Root, 16);
  }
}

// bdwgc's check_heap_stats: the heap may not grow without bound while
// millions of garbage objects are allocated, and no allocation is missed.
TEST(CollectorTest, HeapStaysBoundedUnderChurn) {
  escrt_set_collect_threshold(size_t(4) << 20);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  escrt_stats Before;
  escrt_get_stats(&Before);
  const size_t Objects = 5000000;
  churn(Objects);
  escrt_stats After;
  escrt_get_stats(&After);
  EXPECT_GE(After.allocations - Before.allocations, Objects)
      << "missed some allocations";
  EXPECT_GE(After.allocated_bytes - Before.allocated_bytes, Objects * 16);
  EXPECT_GT(After.collections, Before.collections + 10);
  // 5M objects of 16-64 bytes are ~200 MB; the heap may hold one collection
  // period plus the survivors of the other tests.
  EXPECT_LT(After.peak_heap_bytes, size_t(64) << 20)
      << "unexpected heap growth - collector may be broken";
}

TEST(CollectorTest, WideObjectsGrowTheMarkStack) {
  const size_t N = 200000;
  auto **Arr = static_cast<void **>(escrt_malloc(N * sizeof(void *)));
  for (size_t I = 0; I < N; ++I) {
    Arr[I] = escrt_malloc(16);
    static_cast<size_t *>(Arr[I])[0] = I;
  }
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  for (size_t I = 0; I < N; ++I) {
    ASSERT_EQ(escrt_state(Arr[I]), ESCRT_LIVE);
    ASSERT_EQ(static_cast<size_t *>(Arr[I])[0], I);
  }
}

TEST(CollectorTest, UnreachableCollectableObjectsAreFreed) {
  uintptr_t H = allocateHidden(48);
  ASSERT_EQ(hiddenState(H), ESCRT_LIVE);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_FREE);
}

Cons *QuarantineRoot;

// MarkUs-style quarantine: deleted memory is reused only once nothing points
// to it.
TEST(CollectorTest, QuarantineWaitsForTheLastPointer) {
  QuarantineRoot = static_cast<Cons *>(escrt_malloc_manual(sizeof(Cons)));
  QuarantineRoot->Value = 42;
  escrt_free(QuarantineRoot);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(escrt_state(QuarantineRoot), ESCRT_QUARANTINED);
  EXPECT_EQ(QuarantineRoot->Value, 42); // not reused
  uintptr_t H = hide(QuarantineRoot);
  QuarantineRoot = nullptr;
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_FREE);
}

TEST(CollectorTest, UnreachableManualObjectsAreReportedLeaks) {
  uintptr_t H = allocateHidden(24, /*Manual=*/true);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_LEAKED);
  int Fds[2];
  ASSERT_EQ(pipe(Fds), 0);
  EXPECT_GE(escrt_report_leaks(Fds[1]), 1u);
  close(Fds[1]);
  char Buf[4096] = {};
  ASSERT_GT(read(Fds[0], Buf, sizeof(Buf) - 1), 0);
  close(Fds[0]);
  EXPECT_NE(strstr(Buf, "escrt: leak:"), nullptr) << Buf;
  EXPECT_NE(strstr(Buf, "allocateHidden"), nullptr) << Buf;
}

} // namespace
