// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in jbaldwin/libcoro (test/test_generator.cpp): a generator's
// yield_value keeps the address of the yielded value in the promise. A
// temporary operand of co_yield lives across the suspension, and the
// consumer reads it only while the generator is suspended there.

#include <coroutine>
#include <exception>
#include <memory>

struct Gen {
  struct promise_type {
    const int *value = nullptr;
    Gen get_return_object() { return Gen{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const int &v) {
      value = std::addressof(v);
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};

// The temporary lives until the coroutine resumes; the promise's later uses
// are the coroutine machinery's, not reads of the value.
Gen yieldsTemporaries() {
  co_yield 1;
  co_yield 2;
}

// An ordinary local keeping a temporary's address and read later is still
// reported.
int readLater() {
  const int *p;
  {
    const int &r = 1;
    p = &r; // CHECK: coroutine-yield-temporary.cpp:[[@LINE]]:5: warning: {{.*}}but 'p' keeps its address and is used later [escape-scope]
  }
  return *p;
}
