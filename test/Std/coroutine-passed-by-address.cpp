// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// A lazy coroutine taking a reference, passed by address to a function of
// the program (libunifex's let_value_with_stop_source(coroutine)), is called
// there through the pointer: its callers are in the program, and it is not
// judged at its signature. A call through the pointer keeps what it is
// given, as a maybe. Given to the library (a std::function), its callers
// are not visible: judged at its signature.

#include <functional>

#include "Inputs/lazy-task.h"

struct StopSource {
  bool stopped = false;
};

Task worker(StopSource &src) {
  src.stopped = true;
  co_return 1;
}
Task pointedTo(StopSource &src) {
  src.stopped = true;
  co_return 2;
}

// The stop source outlives the task.
template <class F> int withStopSource(F f) {
  StopSource src;
  Task t = f(src);
  return t.run() + src.stopped;
}
int passed() { return withStopSource(worker) + withStopSource(&pointedTo); }

// The task outlives the stop source: a maybe, at the call through the
// pointer.
template <class F> Task leaks(F f) {
  StopSource src;
  return f(src); // MAYBE: coroutine-passed-by-address.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'src' {{.*}}[escape-heap]
}
Task leaked(StopSource &src) {
  src.stopped = true;
  co_return 3;
}
Task passesLeaked() { return leaks(leaked); }

// Kept by the library: judged at its signature.
Task kept(StopSource &src) { // CHECK: coroutine-passed-by-address.cpp:[[@LINE]]:23: warning: reference parameter 'src' of coroutine 'kept' is used after a suspension point{{.*}}[escape-coroutine]
  src.stopped = true;
  co_return 4;
}
std::function<Task(StopSource &)> keeper() { return kept; }
