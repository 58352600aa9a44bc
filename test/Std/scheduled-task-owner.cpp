// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE

// A call whose result initializes a local of a class whose destructor
// does work, and which holds what the call was given: what the call
// registers through that argument, the local's destructor may take back
// (an event loop's scheduled task, cancelled and destroyed by its owner).
// A maybe, as for a call made on such a local.

#include <coroutine>
#include <queue>
#include <utility>

struct Handle {
  virtual void run() = 0;
};

struct Loop {
  std::queue<Handle *> ready;
  void callSoon(Handle &h) { ready.push(&h); }
  void runUntilComplete() {
    while (!ready.empty()) {
      Handle *h = ready.front();
      ready.pop();
      h->run();
    }
  }
};
Loop &getLoop() {
  static Loop loop;
  return loop;
}

struct Task {
  struct promise_type : Handle {
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    void run() override {
      std::coroutine_handle<promise_type>::from_promise(*this).resume();
    }
    void schedule() { getLoop().callSoon(*this); }
  };
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~Task() {
    if (h)
      h.destroy();
  }
  std::coroutine_handle<promise_type> h;
};

// Schedules the task it takes over; destroying it destroys the task.
struct ScheduledTask {
  explicit ScheduledTask(Task &&t) : task(std::move(t)) {
    task.h.promise().schedule();
  }
  Task task;
};
ScheduledTask scheduleTask(Task &&t) { return ScheduledTask(std::move(t)); }

void run(Task &&main) {
  auto t = scheduleTask(std::move(main));
  getLoop().runUntilComplete();
}

Task work(int &x) {
  x = 1;
  co_return;
}

int ranToCompletion() {
  int x = 0;
  run(work(x));
  // MAYBE: [[@LINE-1]]:3: warning: address of local 'x' escapes to the heap (via 'run' keeps it){{.*}}(maybe: {{.*}}[escape-heap]
  return x;
}

// Not when the result is a class without such a destructor, nor for what
// the result does not hold.
#include <vector>
std::vector<int *> g_watched;
struct Token {
  int id;
};
Token watch(int &x) {
  g_watched.push_back(&x);
  return Token{0};
}
void watched() {
  int x = 0;
  Token t = watch(x); // CHECK: [[@LINE]]:13: warning: address of local 'x' is stored in global 'g_watched' (via '{{watch|logged}}'){{.*}}[escape-global]
}
struct Guard {
  ~Guard();
};
Guard logged(int &x) {
  g_watched.push_back(&x);
  return Guard{};
}
void guardedButNotHeld() {
  int x = 0;
  Guard g = logged(x); // CHECK: [[@LINE]]:13: warning: address of local 'x' is stored in global 'g_watched' (via '{{watch|logged}}'){{.*}}[escape-global]
}
