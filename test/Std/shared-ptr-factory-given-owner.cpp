// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A factory that makes an object holding a shared_ptr to its parent (an
// event loop handing out resources, `make_shared<R>(shared_from_this())`),
// and returns nullptr when the object cannot be set up: the result is the
// fresh object only. What the factory stores into the object (the parent)
// is in the object, not in the pointer, so a store through the pointer
// lands in the object the local owns, not in the parent.

#include <functional>
#include <memory>

struct Loop : std::enable_shared_from_this<Loop> {
  template <class R> std::shared_ptr<R> resource(bool ok) {
    auto r = std::make_shared<R>(shared_from_this());
    if (!ok)
      return nullptr;
    return r;
  }
  template <class R> std::shared_ptr<R> resourceOrEmpty(bool ok) {
    auto r = std::make_shared<R>(shared_from_this());
    return ok ? r : std::shared_ptr<R>{};
  }
  template <class R> std::shared_ptr<R> registered() {
    auto r = std::make_shared<R>(shared_from_this());
    kept = r;
    return r;
  }
  std::shared_ptr<void> kept;
  static std::shared_ptr<Loop> get() {
    static std::shared_ptr<Loop> l = std::make_shared<Loop>();
    return l;
  }
};

struct Timer {
  explicit Timer(std::shared_ptr<Loop> l) : loop(std::move(l)) {}
  std::shared_ptr<Loop> loop;
  std::function<void()> onTimer;
};

bool ownedByTheCaller() {
  auto t = Loop::get()->resource<Timer>(true);
  bool fired = false;
  t->onTimer = [&fired] { fired = true; };
  t->onTimer();
  return fired;
}

bool emptyOnFailure() {
  auto t = Loop::get()->resourceOrEmpty<Timer>(true);
  bool fired = false;
  t->onTimer = [&fired] { fired = true; };
  return fired;
}

// Reported where the object leaves, as a copy into a global is.
bool keptByTheLoop() {
  auto t = Loop::get()->registered<Timer>();
  bool fired = false;
  t->onTimer = [&fired] { fired = true; }; // CHECK: shared-ptr-factory-given-owner.cpp:[[@LINE]]:3: warning: lambda expression captures local 'fired' by reference and outlives it{{.*}}[escape-lambda-capture]
  return fired;
}

// Another function's empty result on the way out holds nothing either.
std::shared_ptr<Timer> noTimer() { return nullptr; }
std::shared_ptr<Timer> timerOrNone(bool ok) {
  auto t = Loop::get()->resource<Timer>(true);
  if (!ok)
    return noTimer();
  return t;
}
bool throughAnotherEmptyResult() {
  auto t = timerOrNone(true);
  bool fired = false;
  t->onTimer = [&fired] { fired = true; };
  return fired;
}
