// A factory that returns its fresh object inside a smart pointer of the
// program, by value (`return Ptr<Core>{new Core};`, YACLib's MakeUnique), is
// a factory too (FunctionSummary::ReturnsAlloc): the object is a fresh one of
// the call, and so is what `.Release()` on that result returns, a factory
// again (YACLib's MakeCore). An executor stored into such a core, owned only
// by a local future that dies before the executor, does not escape; the same
// core returned, kept in a global, or made by a factory that also registers
// it, does.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <utility>

struct Executor {
  int pending = 0;
};
struct Core {
  int rc = 1;
  Executor *ex = nullptr;
  void DecRef() {
    if (--rc == 0)
      delete this;
  }
};
template <typename T> struct Ptr {
  T *p = nullptr;
  explicit Ptr(T *q) : p(q) {}
  Ptr(Ptr &&o) noexcept : p(std::exchange(o.p, nullptr)) {}
  Ptr &operator=(Ptr &&o) noexcept {
    std::swap(p, o.p);
    return *this;
  }
  ~Ptr() {
    if (p)
      p->DecRef();
  }
  T *Release() { return std::exchange(p, nullptr); }
};

Ptr<Core> MakeUnique() { return Ptr<Core>{new Core}; }
Core *MakeCore() { return MakeUnique().Release(); }

Core *g_registry;
Ptr<Core> MakeRegistered() {
  Core *c = new Core;
  g_registry = c;
  return Ptr<Core>{c};
}

struct Future {
  Ptr<Core> core;
};
Future Run(Executor &e) {
  Core *c = MakeCore();
  c->ex = &e;
  return Future{Ptr<Core>{c}};
}

int localOwner() {
  Executor e;
  Future f = Run(e);
  return e.pending;
}

int localSmartPointer() {
  Executor e;
  Ptr<Core> p = MakeUnique();
  p.p->ex = &e;
  return e.pending;
}

Future returned() {
  Executor e;
  return Run(e); // CHECK-DAG: factory-owner-by-value.cpp:[[@LINE]]:3: warning: address of local 'e' escapes to the caller
}

Future *g_kept;
void keptInGlobal() {
  Executor e;
  g_kept = new Future(Run(e)); // CHECK-DAG: factory-owner-by-value.cpp:[[@LINE]]:3: warning: address of local 'e' is stored in global 'g_kept'
}

// MISS (known): a result moved into a global by a move assignment that
// swaps; the same with the core `new`-ed in Run itself.
Future g_future{Ptr<Core>{nullptr}};
void movedIntoGlobal() {
  Executor e;
  g_future = Run(e);
}

Core *MakeRegisteredCore() { return MakeRegistered().Release(); }

int freed() {
  Executor e;
  Core *c = MakeCore();
  c->ex = &e;
  c->DecRef();
  return e.pending;
}

int registered() {
  Executor e;
  Core *c = MakeRegisteredCore();
  c->ex = &e; // CHECK-DAG: factory-owner-by-value.cpp:[[@LINE]]:3: warning: address of local 'e' escapes to the heap
  c->DecRef();
  return e.pending;
}
