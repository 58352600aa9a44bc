#pragma once
#include <coroutine>
#include <exception>
#include <utility>

struct Lazy {
  struct promise_type {
    Lazy get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};

struct Ready {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() const noexcept { return 1; }
};

// Each unit has its own copy of these internal coroutines.
template <typename A> static Lazy awaitIt(A &&a) { co_await std::forward<A>(a); }

static Lazy readLater(const int &n) { co_await Ready{}; (void)n; }

// Inline: linking keeps one unit's copy, which calls that unit's awaitIt.
template <typename A> void runNow(A &&a) {
  Lazy t = awaitIt(std::forward<A>(a));
  t.h.resume();
  t.h.destroy();
}
