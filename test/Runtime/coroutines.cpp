// Coroutines: the ramp function allocates the coroutine frame and returns a
// handle to it in rax.
//
// RUN: %clangxx -std=c++20 %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/coroutines/claims.json -- %t \
// RUN:   | FileCheck %s

#include <coroutine>

struct Gen {
  struct promise_type {
    int Value = 0;
    Gen get_return_object() {
      return Gen{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int V) {
      Value = V;
      return {};
    }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> H;
};

Gen counter(int N) { // FN: counter _Z7counteri value // HEAP: noescape frame (WRONG)
  // CHECK: coroutines.cpp:[[@LINE-1]]: UNSOUND: counter: heap 'frame' claimed not to escape: object {{.*}} held by register rax (return value)
  for (int I = 0; I < N; ++I)
    co_yield I;
}

int main() {
  Gen G = counter(3);
  int Sum = 0;
  for (G.H.resume(); !G.H.done(); G.H.resume())
    Sum += G.H.promise().Value;
  G.H.destroy();
  return Sum == 3 ? 0 : 1;
}
// CHECK: summary: 1 claim in 1 function, 1 run: 0 confirmed, 1 unsound, 0 imprecise, 0 unverified, 0 unobserved
