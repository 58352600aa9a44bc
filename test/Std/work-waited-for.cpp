// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work handed to an executor and waited for before the captured locals die
// is a borrow that ends at the wait.

#include <functional>
#include <future>
#include <queue>

class Pool {
public:
  void detach(std::function<void()> f) { tasks_.push(std::move(f)); }
  std::future<void> submit(std::function<void()> f) {
    tasks_.push(std::move(f));
    return {};
  }
  void wait();
  void wait_for(int ms);

private:
  std::queue<std::function<void()>> tasks_;
};

void detachedThenWaited(Pool &pool) {
  int x = 0;
  pool.detach([&x] { x = 1; });
  pool.wait();
}

void submittedThenFutureWaited(Pool &pool) {
  int x = 0;
  std::future<void> f = pool.submit([&x] { x = 1; });
  f.get();
}

void waitedInsideACheck(Pool &pool, bool (*check)(bool)) {
  int x = 0;
  auto f = pool.submit([&x] { x = 1; });
  check((f.wait(), x == 1));
}

void waitedInTheSameExpression(Pool &pool) {
  int x = 0;
  pool.submit([&x] { x = 1; }).wait();
}

// Not waited for: the pool keeps the lambda after the function returns.
void detachedNotWaited(Pool &pool) {
  int x = 0;
  pool.detach([&x] { x = 1; }); // CHECK: work-waited-for.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
}

// A timed wait does not wait for the work to finish.
void waitedWithATimeout(Pool &pool) {
  int x = 0;
  pool.detach([&x] { x = 1; }); // CHECK: work-waited-for.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
  pool.wait_for(100);
}

// A return before the wait: the work outlives the frame on that path.
void returnsBeforeTheWait(Pool &pool, bool early) {
  int x = 0;
  pool.detach([&x] { x = 1; }); // CHECK: work-waited-for.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
  if (early)
    return;
  pool.wait();
}

// std::async's future waits in its destructor; a detached thread does not.
void asyncWaited() {
  int x = 0;
  auto f = std::async(std::launch::async, [&x] { x = 1; });
  f.wait();
}

// The executor queues the callback in the flow it runs (another argument's
// object), which the caller keeps: waiting for the run in the same
// expression releases the callback before 'j' dies.
struct Flow {
  std::queue<std::function<void()>> topologies;
};
class Executor {
public:
  std::future<void> runN(Flow &flow, int n, std::function<void()> done) {
    flow.topologies.push(std::move(done));
    return {};
  }
};
void runWaitedInALoop(Executor &executor, Flow &flow) {
  for (int n = 0; n < 3; ++n) {
    int j = 0;
    executor.runN(flow, 3, [&j] { j = 0; }).get();
  }
}
void runNotWaitedInALoop(Executor &executor, Flow &flow) {
  for (int n = 0; n < 3; ++n) {
    int j = 0;
    executor.runN(flow, 3, [&j] { j = 0; }); // CHECK: work-waited-for.cpp:[[@LINE]]:5: warning: lambda expression captures local 'j' by reference and outlives it{{.*}}[escape-lambda-capture]
  }
}
