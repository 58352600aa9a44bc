//===- ThreadsTest.cpp - The documented thread rule -----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Collections scan only the main thread. With a second thread alive they are
// refused (ESCRT_REFUSED_THREADS) instead of freeing objects that only the
// other thread references; once the thread is joined they run again.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace escape::runtime::test;

namespace {

TEST(ThreadsTest, CollectionIsRefusedWhileAnotherThreadRuns) {
  std::atomic<int> Phase{0};
  std::atomic<uintptr_t> Hidden{0};
  std::thread Worker([&] {
    // The object is referenced only from this thread's stack.
    void *volatile Mine = escrt_malloc(64);
    Hidden = hide(Mine);
    Phase = 1;
    while (Phase != 2)
      std::this_thread::yield();
    EXPECT_EQ(escrt_state(Mine), ESCRT_LIVE);
  });
  while (Phase != 1)
    std::this_thread::yield();
  EXPECT_EQ(collectClean(), ESCRT_REFUSED_THREADS);
  EXPECT_EQ(hiddenState(Hidden), ESCRT_LIVE);
  Phase = 2;
  Worker.join();
  EXPECT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(Hidden), ESCRT_FREE);
}

TEST(ThreadsTest, CollectionIsRefusedOffTheMainThread) {
  int Result = -1;
  std::thread Worker([&] { Result = escrt_collect(); });
  Worker.join();
  EXPECT_EQ(Result, ESCRT_REFUSED_THREADS);
}

TEST(ThreadsTest, AllocationIsSafeFromSeveralThreads) {
  std::thread A([] {
    for (int I = 0; I < 100000; ++I)
      escrt_malloc(32);
  });
  std::thread B([] {
    for (int I = 0; I < 100000; ++I)
      escrt_malloc(48);
  });
  A.join();
  B.join();
  EXPECT_EQ(collectClean(), ESCRT_COLLECTED);
}

} // namespace
