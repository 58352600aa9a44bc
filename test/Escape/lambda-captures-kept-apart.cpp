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
  // CHECK: :[[@LINE+1]]:3: warning: lambda expression captures local 'port' by reference and outlives it (sink {global queue}); 'port' dangles when 'queued' returns [escape-lambda-capture]
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

// Given by value to a template that calls it, made in place or named, and
// passed on by value again: still one capture at a time.
int pointerKeptThroughCopy() {
  int port = 1;
  Exec *ex = &globalExec;
  return runCopy([ex, &port]() {
    keep(ex);
    return use(port);
  });
}

template <class F> int forward(F f) { return runCopy(f); }
int pointerKeptThroughCopies() {
  int port = 1;
  Exec *ex = &globalExec;
  auto f = [ex, &port]() { return (keep(ex), use(port)); };
  return forward(f);
}

// Given by value to a template that keeps it: every capture is kept.
std::function<int()> later;
template <class F> void keepCopy(F f) { later = f; }
void keptCopy() {
  int port = 1;
  Exec local{2};
  Exec *ex = &local;
  // CHECK: :[[@LINE+2]]:3: warning: lambda expression captures local 'port' by reference and outlives it (sink {global later}); 'port' dangles when 'keptCopy' returns [escape-lambda-capture]
  // CHECK: :[[@LINE+1]]:3: warning: lambda expression captures a pointer to local 'local' and outlives it (sink {global later}); 'local' dangles when 'keptCopy' returns [escape-lambda-capture]
  keepCopy([ex, &port]() { return ex->n + use(port); });
}

// Passed on by value to one that keeps it: still every capture.
template <class F> void keepThrough(F f) { keepCopy(f); }
void keptThroughCopies() {
  int port = 1;
  Exec *ex = &globalExec;
  // CHECK: :[[@LINE+1]]:3: warning: lambda expression captures local 'port' by reference and outlives it (sink {global later}); 'port' dangles when 'keptThroughCopies' returns [escape-lambda-capture]
  keepThrough([ex, &port]() { return ex->n + use(port); });
}
