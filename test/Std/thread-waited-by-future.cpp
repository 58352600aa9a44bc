// RUN: not %clang-escape --caret=false %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 -pthread | FileCheck %s --check-prefixes=CHECK,MAYBE --implicit-check-not=warning:

// Detached threads given a local, then a wait on a future (trantor's tests:
// `ft.get()` on the future of a promise that the last task the threads
// queue fulfils). Which threads the wait covers is not known: what they keep
// is a maybe, as for a wait on a condition or a polled flag.

#include <future>
#include <memory>
#include <thread>

void detachedThenFuture(std::future<void> ready) {
  int counter = 0;
  std::thread([&counter] { ++counter; }).detach(); // MAYBE: thread-waited-by-future.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'counter' {{.*}}(maybe{{.*}}[escape-thread]
  ready.get();
}

void detachedThenSharedFuture(std::shared_future<int> ready) {
  int counter = 0;
  std::thread([&counter] { ++counter; }).detach(); // MAYBE: thread-waited-by-future.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'counter' {{.*}}(maybe{{.*}}[escape-thread]
  counter += ready.get();
}

// Another class's get() waits for nothing.
void detachedThenPointerGet(std::unique_ptr<int> p) {
  int counter = 0;
  std::thread([&counter] { ++counter; }).detach(); // CHECK: thread-waited-by-future.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'counter' is handed to a thread that may outlive it; {{[^(]*}}[escape-thread]
  *p.get() = 1;
}
