// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work handed to an executor that signals its end through a local of the
// caller (a latch it counts down, a counter it decrements, a flag under a
// condition variable), followed in the same block by a wait on that local:
// the caller does not go on before the work's last use of its locals.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <latch>
#include <mutex>

struct Executor {
  std::deque<std::function<void()>> q;
  void schedule(std::function<void()> f) { q.push_back(std::move(f)); }
};

// A latch of the program's own, with a wait named like a latch's.
class Latch {
public:
  explicit Latch(int n) : n_(n) {}
  void countDown();
  void await();

private:
  int n_;
};

int use(int &);

void latchWaited(Executor &ex) {
  int value = 0;
  std::latch done(1);
  ex.schedule([&value, &done] {
    use(value);
    done.count_down();
  });
  done.wait();
}

void ownLatchThroughInitCapture(Executor &ex) {
  int value = 0;
  Latch latch(1);
  ex.schedule([&value, latchPtr = &latch] {
    use(value);
    latchPtr->countDown();
  });
  latch.await();
}

void spunOnCounter(Executor &ex) {
  int value = 0;
  std::atomic<int> running = 1;
  ex.schedule([&value, &running] {
    use(value);
    running--;
  });
  while (running) {
  }
}

void conditionOnFlag(Executor &ex) {
  int value = 0;
  bool finished = false;
  std::mutex m;
  std::condition_variable cv;
  ex.schedule([&] {
    use(value);
    std::lock_guard<std::mutex> g(m);
    finished = true;
    cv.notify_one();
  });
  std::unique_lock<std::mutex> l(m);
  cv.wait(l, [&] { return finished; });
}

// The latch is not given to the work: waiting on it says nothing.
void unrelatedLatch(Executor &ex) {
  int value = 0;
  std::latch other(0);
  ex.schedule([&value] { use(value); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  other.wait();
}

// A spin on a counter the work does not see.
void spunOnOther(Executor &ex) {
  int value = 0;
  std::atomic<int> running = 0;
  ex.schedule([&value] { use(value); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  while (running) {
  }
}

// A return before the wait.
void returnsBeforeWait(Executor &ex, bool c) {
  int value = 0;
  std::latch done(1);
  // CHECK: [[@LINE+2]]:3: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  // CHECK: [[@LINE+1]]:3: warning: lambda expression captures local 'done' by reference and outlives it{{.*}}[escape-lambda-capture]
  ex.schedule([&value, &done] {
    use(value);
    done.count_down();
  });
  if (c)
    return;
  done.wait();
}
