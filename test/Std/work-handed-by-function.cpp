// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work handed off through a free function (`schedule(f)`), which gives it to
// an executor it finds itself (bound to the thread), then waited for by a
// signal the work gives: the same borrow as through a member call.

#include <deque>
#include <functional>
#include <latch>

struct Scheduler {
  std::deque<std::function<void()>> q;
  void enqueue(std::function<void()> f) { q.push_back(std::move(f)); }
  static Scheduler *get();
};
thread_local Scheduler *bound = nullptr;
Scheduler *Scheduler::get() { return bound; }

void schedule(std::function<void()> f) {
  Scheduler::get()->enqueue(std::move(f));
}

template <typename F> void scheduleTemplate(F &&f) {
  Scheduler::get()->enqueue(std::forward<F>(f));
}

int use(int &);

void latchCountedDown() {
  int value = 0;
  std::latch done(1);
  schedule([&value, &done] {
    use(value);
    done.count_down();
  });
  done.wait();
}

void throughTemplate() {
  int value = 0;
  std::latch done(1);
  scheduleTemplate([&value, &done] {
    use(value);
    done.count_down();
  });
  done.wait();
}

// No wait: the work outlives the frame in the scheduler's queue.
void notWaited() {
  int value = 0;
  schedule([&value] { use(value); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'value' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
}

// A latch the work does not count down.
void otherLatch() {
  int value = 0;
  std::latch other(0);
  schedule([&value] { use(value); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'value' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
  other.wait();
}

// A return before the wait.
void returnsFirst(bool c) {
  int value = 0;
  std::latch done(1);
  // CHECK: [[@LINE+2]]:3: warning: lambda expression captures local 'value' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
  // CHECK: [[@LINE+1]]:3: warning: lambda expression captures local 'done' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
  schedule([&value, &done] {
    use(value);
    done.count_down();
  });
  if (c)
    return;
  done.wait();
}
