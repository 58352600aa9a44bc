// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false -m %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=M

// `co_return v` hands v to the promise, which keeps it until the caller
// takes it through the coroutine object: what v holds reaches the caller,
// as a returned value's does. The body's locals are gone by then. The
// conversion to the promised type is the one `return_value` makes.

#include <coroutine>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

template <class T> struct Lazy {
  struct promise_type {
    T value{};
    Lazy get_return_object() {
      return Lazy{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(const T &v) { value = v; }
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Lazy<int *> addressOfLocal() {
  int local = 0;
  co_return &local; // CHECK: [[@LINE]]:3: warning: address of local 'local' escapes to the caller
}

Lazy<std::string_view> viewOfLocal() {
  std::string s = "abc";
  co_return s; // CHECK: [[@LINE]]:3: warning: address of local 's' escapes to the caller
}

// Negatives: a copy, what a parameter points to, a static.
Lazy<std::string> copyOfLocal() {
  std::string s = "abc";
  co_return s;
}
Lazy<int *> givenPointer(int *p) { co_return p; }
Lazy<int *> addressOfStatic() {
  static int counter = 0;
  co_return &counter;
}

// What the coroutine makes is handed to the caller: not a stack candidate.
Lazy<std::shared_ptr<int>> made() {
  auto p = std::make_shared<int>(1); // M: [[@LINE]]:12: std::make_shared<int> escapes to heap
  co_return p;
}
