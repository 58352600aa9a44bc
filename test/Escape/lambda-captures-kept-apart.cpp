// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A closure is one node per capture: when the body keeps what one capture
// holds (`[this, &done] { registry.add(this); ... }`, `[ex, &port] {
// keep(ex); }`), only that capture escapes, not every local the lambda
// captured by reference beside it. A closure kept whole keeps them all.

#include <functional>
#include <vector>

struct Exec {
  int n;
};
Exec globalExec;
std::vector<Exec *> registry;
std::vector<std::function<int()>> queue;
void keep(Exec *e) { registry.push_back(e); }
int use(int &p) { return p; }
template <class F> int runRef(F &f) { return f(); }
template <class F> int runCopy(F f) { return f(); }

// The pointer captured by value is kept; 'port' is only read.
int pointerKept() {
  int port = 1;
  Exec *ex = &globalExec;
  auto f = [ex, &port]() {
    keep(ex);
    return use(port);
  };
  return f();
}

// The same through a function given the closure by reference.
int pointerKeptThroughCallee() {
  int port = 1;
  Exec *ex = &globalExec;
  auto f = [ex, &port]() { return (keep(ex), use(port)); };
  return runRef(f);
}

// What the kept pointer points to is a local: that local escapes, 'port'
// still does not.
int pointerToLocalKept() {
  int port = 1;
  Exec local{2};
  Exec *ex = &local;
  auto f = [ex, &port]() {
    keep(ex);
    return use(port);
  };
  return f(); // CHECK: :[[@LINE]]:10: warning: lambda expression captures a pointer to local 'local' and outlives it (sink {global registry}); 'local' dangles when 'pointerToLocalKept' returns [escape-lambda-capture]
}

// A captured `this` kept by the body: the object escapes, not 'port'.
struct Server {
  int run() {
    int port = 1;
    auto f = [this, &port]() {
      registry.push_back(&self);
      return use(port);
    };
    return f();
  }
  Exec self;
};

// The closure kept whole keeps every capture.
void queued() {
  int port = 1;
  Exec *ex = &globalExec;
  // CHECK: :[[@LINE+1]]:19: warning: lambda expression captures local 'port' by reference and outlives it (sink {global registry}); 'port' dangles when 'queued' returns [escape-lambda-capture]
  queue.push_back([ex, &port]() {
    keep(ex);
    return use(port);
  });
}

// A mutable lambda storing into its own capture, then keeping it.
int *slot;
int storedIntoCapture() {
  int port = 1;
  int *p = nullptr;
  auto f = [p, &port]() mutable {
    p = &port;
    slot = p;
    return 0;
  };
  return f(); // CHECK: :[[@LINE]]:10: warning: lambda expression captures local 'port' by reference and outlives it (sink {global slot}); 'port' dangles when 'storedIntoCapture' returns [escape-lambda-capture]
}

// Known imprecision: given by value to a template, the closure's copy is
// kept whole in the callee's summary, so 'port' is taken to go with 'ex'.
int pointerKeptThroughCopy() {
  int port = 1;
  Exec *ex = &globalExec;
  // CHECK: :[[@LINE+1]]:10: warning: lambda expression captures local 'port' by reference and outlives it (sink {global registry}); 'port' dangles when 'pointerKeptThroughCopy' returns [escape-lambda-capture]
  return runCopy([ex, &port]() {
    keep(ex);
    return use(port);
  });
}
