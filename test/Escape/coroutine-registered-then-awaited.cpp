// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE --implicit-check-not=warning:

// A coroutine that registers one of its locals with an event loop and then
// suspends on that very local (`add(pi); co_await pi;`) hands it to whoever
// resumes it: the loop takes the entry back before it resumes the
// coroutine, as an awaiter's registration is. What the loop keeps is a
// maybe. Registered and then left, or while awaiting something else, it is
// a finding.

#include "../Std/Inputs/lazy-task.h"
#include <coroutine>
#include <map>

struct Timer {
  std::coroutine_handle<> waiter;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { waiter = h; }
  void await_resume() const noexcept {}
};

class Loop {
public:
  Task sleep(long ms) {
    Timer t{};
    add(ms, t); // MAYBE: :[[@LINE]]:5: warning: address of local 't' is stored into *this, which outlives it; 't' dangles when coroutine 'Loop::sleep' completes and its frame is destroyed (maybe: {{.*}}) [escape-member]
    co_await t;
    co_return 0;
  }
  Task forgotten(long ms) {
    Timer t{};
    add(ms, t); // CHECK: :[[@LINE]]:5: warning: address of local 't' is stored into *this, which outlives it; 't' dangles when coroutine 'Loop::forgotten' completes and its frame is destroyed [escape-member]
    co_return 0;
  }
  Task otherAwaited(long ms) {
    Timer t{}, other{};
    add(ms, t); // CHECK: :[[@LINE]]:5: warning: address of local 't' is stored into *this, which outlives it; 't' dangles when coroutine 'Loop::otherAwaited' completes and its frame is destroyed [escape-member]
    co_await other;
    co_return 0;
  }
  void run() {
    while (!timers_.empty()) {
      auto first = timers_.begin();
      Timer *t = first->second;
      timers_.erase(first);
      t->waiter.resume();
    }
  }

private:
  void add(long when, Timer &t) { timers_.emplace(when, &t); }
  std::multimap<long, Timer *> timers_;
};
