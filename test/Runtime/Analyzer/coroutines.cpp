// The analyzer's claims about coroutines, checked on a real run. The ramp
// function (the symbol the claims name) allocates the coroutine frame and
// returns a handle to it; the body runs there until the first suspension.
//
// RUN: rm -f %t.claims.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- -std=c++20 > %t.report
// RUN: %clangxx -std=c++20 %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <coroutine>

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;

struct Task {
  struct promise_type {
    int Value = 0;
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() noexcept { return {}; }
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

// Runs in the ramp until the first co_yield: the allocation is observed
// there.
Task publishing(int N) {
  GSink = new Node{nullptr, N};
  // CHECK-DAG: coroutines.cpp:[[@LINE-1]]: CONFIRMED: publishing: heap 'Node' claimed to escape: object {{.*}} held by global 'GSink'
  co_yield N;
}

Task scratch(int N) {
  Node *Tmp = new Node{nullptr, N};
  int V = Tmp->Value;
  delete Tmp;
  // CHECK-DAG: coroutines.cpp:[[@LINE-3]]: CONFIRMED: scratch: heap 'Node' claimed not to escape
  co_yield V;
}

Task counter(int N) {
  for (int I = 0; I < N; ++I)
    co_yield I;
}

int main() {
  Task P = publishing(1);
  Task S = scratch(2);
  Task C = counter(3);
  int Sum = P.H.promise().Value + S.H.promise().Value;
  while (!C.H.done()) {
    Sum += C.H.promise().Value;
    C.H.resume();
  }
  P.H.destroy();
  S.H.destroy();
  C.H.destroy();
  delete GSink;
  return Sum == 6 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
