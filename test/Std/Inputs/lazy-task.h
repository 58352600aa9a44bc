// A lazy task over the real <coroutine>: the body starts when awaited.
#ifndef LAZY_TASK_H
#define LAZY_TASK_H
#include <coroutine>
#include <exception>

struct Task {
  struct promise_type {
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    int value = 0;
    void return_value(int v) { value = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  Task(Task &&o) noexcept : h(o.h) { o.h = {}; }
  ~Task() {
    if (h)
      h.destroy();
  }
  int run() {
    h.resume();
    return h.promise().value;
  }
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 0; }
};

#endif
