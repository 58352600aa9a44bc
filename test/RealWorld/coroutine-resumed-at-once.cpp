// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in jbaldwin/libcoro (test/test_invoke.cpp): 'coro::invoke' makes a
// lazy coroutine taking its arguments by forwarding reference and resumes it
// at once; the body uses the references only before its first suspension,
// so the task keeps addresses it never reads again.

#include "../Std/Inputs/lazy-task.h"

#include <optional>
#include <utility>

template <typename F, typename... A> Task invoker(F f, A &&...args) {
  Task inner = f(std::forward<A>(args)...);
  co_return co_await inner;
}
template <typename F, typename... A> Task invoke(F f, A &&...args) {
  Task t = invoker(f, std::forward<A>(args)...);
  t.h.resume();
  return t;
}

int runLater() {
  std::optional<Task> task;
  {
    int a = 1;
    auto make = [](int a) -> Task { co_return a; };
    // FIXME: false positive: 'invoker' copies 'a' into 'make's frame before
    // it first suspends.
    task.emplace(invoke(make, a)); // CHECK: coroutine-resumed-at-once.cpp:[[@LINE]]:5: warning: address of local 'a' is kept in 'task', which is used after the scope of 'a' ends [escape-scope]
  }
  return task->run();
}
