// escape-coroutine: a lazy coroutine keeps its reference parameters.
#include <coroutine>
#include <exception>
#include <string>
#include <utility>

struct Task {
  struct promise_type {
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit Task(std::coroutine_handle<promise_type> h) : h_(h) {}
  Task(Task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~Task() {
    if (h_)
      h_.destroy();
  }
  std::coroutine_handle<promise_type> h_;
};

Task logLine(const std::string &line) { // escape-coroutine
  (void)line.size();
  co_return;
}

Task bump(int *counter) {
  ++*counter;
  co_return;
}

Task startBump() {
  int counter = 0;
  return bump(&counter); // escape-return: the frame keeps &counter
}
