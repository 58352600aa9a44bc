// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A coroutine whose initial awaiter is the program's own and whose
// await_ready() may say yes (started at once when the promise is built
// from a tag argument) is lazy or eager depending on the call. A
// parameter it uses only before its first suspension is then not a
// definite finding; one used after it still is. An awaiter whose
// await_ready() always says no is lazy, like std::suspend_always.

#include <coroutine>
#include <utility>

struct NoWait {};
inline constexpr NoWait noWait;

struct Task {
  struct promise_type {
    promise_type() = default;
    template <typename... Args>
    promise_type(NoWait, Args &&...) : waitAtStart(false) {}
    auto initial_suspend() noexcept {
      struct Start {
        bool wait;
        bool await_ready() const noexcept { return !wait; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        void await_resume() const noexcept {}
      };
      return Start{waitAtStart};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    void return_void() {}
    void unhandled_exception() {}
    bool waitAtStart = true;
  };
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~Task() {
    if (h)
      h.destroy();
  }
  void resume() { h.resume(); }
  std::coroutine_handle<promise_type> h;
};

Task leaf() { co_return; }

// Takes its argument over before it first suspends.
Task wrap(NoWait, Task &&inner) {
  Task mine = std::move(inner);
  co_await std::suspend_always{};
  mine.resume();
}
void startedAtOnce() {
  auto res = wrap(noWait, leaf());
  res.resume();
}

int use(const int &);

// Uses its argument after suspending.
Task late(NoWait, const int &x) { // CHECK: [[@LINE]]:30: warning: reference parameter 'x' of coroutine 'late' is used after a suspension point{{.*}}[escape-coroutine]
  co_await std::suspend_always{};
  use(x);
}
