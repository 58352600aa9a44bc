//===- ThreadsTest.cpp - Collections stop every thread --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Every thread is registered (pthread_create is interposed) and stopped at a
// collection: an object referenced only from another running thread's stack
// or thread_local survives, from whichever thread the collection runs, and
// is freed once that thread dropped it.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace escape::runtime::test;

namespace {

thread_local void *volatile WorkerTls;

// Leaves the only reference in this thread's thread_local.
__attribute__((noinline)) uintptr_t allocateIntoTls() {
  WorkerTls = escrt_malloc(64);
  return hide(WorkerTls);
}

/// Runs Hold on a worker. Hold leaves the only reference to a new object in
/// the worker's own roots and calls Wait with it hidden; while it waits, a
/// collection from the main thread must keep the object. Hold then drops
/// the reference, and once the worker ended the object is freed.
template <typename HoldFn> void expectKeptByWorker(HoldFn Hold) {
  std::atomic<int> Phase{0};
  std::atomic<uintptr_t> Hidden{0};
  auto Wait = [&](uintptr_t H) {
    Hidden = H;
    Phase = 1;
    while (Phase != 2)
      std::this_thread::yield();
  };
  std::thread Worker([&] { Hold(Wait); });
  while (Phase != 1)
    std::this_thread::yield();
  EXPECT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(Hidden), ESCRT_LIVE);
  Phase = 2;
  Worker.join();
  EXPECT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(Hidden), ESCRT_FREE);
}

TEST(ThreadsTest, AnotherThreadsStackIsARoot) {
  expectKeptByWorker([](auto Wait) {
    void *volatile Mine = escrt_malloc(64); // only in this frame
    Wait(hide(Mine));
    EXPECT_EQ(escrt_state(Mine), ESCRT_LIVE);
    Mine = nullptr;
  });
}

TEST(ThreadsTest, AnotherThreadsThreadLocalIsARoot) {
  expectKeptByWorker([](auto Wait) {
    Wait(allocateIntoTls());
    WorkerTls = nullptr;
  });
}

TEST(ThreadsTest, CollectionRunsOffTheMainThread) {
  uintptr_t Hidden = allocateHidden(64);
  clearStack();
  int Result = -1;
  std::thread Worker([&] { Result = escrt_collect(); });
  Worker.join();
  EXPECT_EQ(Result, ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(Hidden), ESCRT_FREE);
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
