// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A lazy coroutine taking a reference is judged at each call: the returned
// object keeps the argument's address, and dangles only where it outlives
// the argument.

#include <string>
#include <vector>

#include "Inputs/lazy-task.h"

int syncWait(Task t);

Task length(const std::string &s) { co_return (int)s.size(); }

// Awaited or run in the same full-expression: the argument is alive.
Task awaits() {
  std::string s = "x";
  co_await length(s);
  co_await length(std::string("temporary"));
  co_return 0;
}
int runsNow() {
  std::string s = "x";
  return syncWait(length(s)) + syncWait(length(std::string("temporary")));
}
// Kept in a local that dies before the argument.
int keptAfterTheArgument() {
  std::string s = "x";
  Task t = length(s);
  return syncWait(static_cast<Task &&>(t));
}

// Returned: it outlives the local.
Task returned() {
  std::string s = "x";
  return length(s); // CHECK: coroutine-call-sites.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}
// A temporary argument dies at the end of the full-expression, the task
// is run later.
int temporaryThenRun() {
  Task t = length(std::string("a temporary long enough to live on the heap")); // CHECK: coroutine-call-sites.cpp:[[@LINE]]:8: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  return syncWait(static_cast<Task &&>(t));
}
// Stored where it outlives the argument.
std::vector<Task> gTasks;
void stored() {
  std::string s = "x";
  gTasks.push_back(length(s)); // CHECK: coroutine-call-sites.cpp:[[@LINE]]:3: warning: address of local 's' {{.*}}[escape-global]
}

// No call in the program: judged at its signature, as callers outside the
// program may keep the task.
Task uncalled(const std::string &s) { co_return (int)s.size(); } // CHECK: coroutine-call-sites.cpp:[[@LINE]]:34: warning: reference parameter 's' of coroutine 'uncalled' is used after a suspension point{{.*}}[escape-coroutine]
// Internal and never named in its unit: nothing can call it.
[[maybe_unused]] static Task unusedAlternative(const std::string &s) {
  co_return (int)s.size();
}
// Internal, its address taken: callers are not all seen.
static Task handedOut(const std::string &s) { co_return (int)s.size(); } // CHECK: coroutine-call-sites.cpp:[[@LINE]]:42: warning: reference parameter 's' of coroutine 'handedOut' is used after a suspension point{{.*}}[escape-coroutine]
Task (*gHandedOut)(const std::string &) = &handedOut;

// A coroutine lambda called on a temporary closure: the frame keeps the
// closure only when the body reads a capture.
int captureless() {
  auto t = []() -> Task { co_return 1; }();
  return t.run();
}
int readsItsCapture() {
  int x = 1;
  auto t = [x]() -> Task { co_return x; }(); // CHECK: coroutine-call-sites.cpp:[[@LINE]]:8: warning: temporary '{{.*}}' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  return t.run();
}
// A lambda nested in the body that captures the coroutine's own parameter
// reads the parameter, not the closure; one capturing the closure's
// capture reads the closure.
int nestedLambdaCapturesParameter() {
  int x = 1;
  auto t = [](int &v) -> Task {
    auto inc = [&] { return ++v; };
    co_return inc();
  }(x);
  return t.run();
}
int nestedLambdaCapturesCapture() {
  int x = 1;
  auto t = [x]() -> Task { // CHECK: coroutine-call-sites.cpp:[[@LINE]]:8: warning: temporary '{{.*}}' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
    auto get = [&] { return x; };
    co_return get();
  }();
  return t.run();
}
// The capture is of a parameter of the enclosing function: still a capture.
Task capturesAParameter(int n) {
  auto body = [n]() -> Task { co_return n; };
  return body(); // CHECK: coroutine-call-sites.cpp:[[@LINE]]:3: warning: address of local 'body' escapes to the caller; 'body' dangles when 'capturesAParameter' returns [escape-return]
}

// Overriding a method called virtually: judged at the virtual call, like a
// direct one.
struct Service {
  virtual ~Service() = default;
  virtual Task handle(const std::string &request) = 0;
};
struct Echo : Service {
  Task handle(const std::string &request) override {
    co_return (int)request.size();
  }
};
Task serveOne(Service &s) {
  std::string request = "x";
  co_return co_await s.handle(request);
}
Task serveLater(Service &s) {
  std::string request = "x";
  return s.handle(request); // CHECK: coroutine-call-sites.cpp:[[@LINE]]:3: warning: address of local 'request' escapes to the caller{{.*}}[escape-return]
}
int serve() {
  Echo e;
  return syncWait(serveOne(e));
}
