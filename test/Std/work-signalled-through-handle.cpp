// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// Work handed to a program's own queue (a virtual `run` that keeps it),
// then a wait on a handle made from a local the work signals through: a
// future of a promise the work fulfils as its last step. The function
// returns only after the work ran, so what the work borrows outlives it.

#include <deque>
#include <functional>
#include <future>
#include <mutex>

struct TaskQueue {
  virtual void run(std::function<void()> &&task) = 0;
  virtual ~TaskQueue() {}

  void sync(const std::function<void()> &task) {
    std::promise<int> prom;
    std::future<int> fut = prom.get_future();
    run([&]() {
      task();
      prom.set_value(1);
    });
    fut.get();
  }
  // A future of another promise than the one the work fulfils.
  void syncOther(const std::function<void()> &task) {
    std::promise<int> prom, other;
    std::future<int> fut = other.get_future();
    // CHECK: [[@LINE+1]]:5: warning: lambda expression captures local 'prom' {{.*}}
    run([&]() {
      task();
      prom.set_value(1);
    });
    fut.get();
  }
  // No wait at all: the caller's argument is kept.
  void post(const std::function<void()> &task) {
    run([&]() { task(); });
  }
};

struct Serial : TaskQueue {
  std::mutex m;
  std::deque<std::function<void()>> q;
  void run(std::function<void()> &&task) override {
    std::lock_guard<std::mutex> l(m);
    q.push_back(std::move(task));
  }
};

void waited(Serial &s) { s.sync([]() {}); }
// CHECK: [[@LINE+1]]:31: warning: temporary {{.*}}
void waitedOther(Serial &s) { s.syncOther([]() {}); }
// CHECK: [[@LINE+1]]:26: warning: temporary {{.*}}
void posted(Serial &s) { s.post([]() {}); }
