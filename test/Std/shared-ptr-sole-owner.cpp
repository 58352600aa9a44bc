// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A class that cannot be copied, is given no shared_ptr and hands none out
// (no copy, no weak_ptr, no reference) is the only owner of the objects its
// shared_ptrs point to: they die with it, as a unique_ptr's would. A
// listener declared before such a dispatcher outlives what it is stored in.

#include <map>
#include <memory>
#include <vector>

struct Signal {
  std::vector<int *> slots;
};

struct Sink {
  Signal *sig;
  void connect(int *p) { sig->slots.push_back(p); }
};

class Dispatcher {
  std::map<int, std::shared_ptr<Signal>> pools;

  Signal &assure(int id) {
    auto &p = pools[id];
    if (!p)
      p = std::make_shared<Signal>();
    return *p;
  }

public:
  Dispatcher() = default;
  Dispatcher(const Dispatcher &) = delete;
  Dispatcher(Dispatcher &&) = default;
  Sink sink(int id) { return Sink{&assure(id)}; }
};

int listenerDeclaredBefore() {
  int r = 0;
  Dispatcher d;
  d.sink(0).connect(&r);
  return r;
}

Dispatcher *dispatcherOnTheHeap() {
  auto *d = new Dispatcher;
  int r = 0;
  d->sink(0).connect(&r); // CHECK: shared-ptr-sole-owner.cpp:[[@LINE]]:3: warning: address of local 'r' escapes to the heap; 'r' dangles when 'dispatcherOnTheHeap' returns [escape-heap]
  return d;
}

// Hands out a copy: a handler may outlive the dispatcher.
class Sharing {
  std::map<int, std::shared_ptr<Signal>> slots;
  Signal &slot(int id) {
    auto &s = slots[id];
    if (!s)
      s = std::make_shared<Signal>();
    return *s;
  }

public:
  Sharing(const Sharing &) = delete;
  Sharing() = default;
  std::shared_ptr<Signal> get(int id) { return slots[id]; }
  Sink sink(int id) { return Sink{&slot(id)}; }
};

int sharingDeclaredBefore() {
  int r = 0;
  Sharing d;
  d.sink(0).connect(&r); // CHECK: shared-ptr-sole-owner.cpp:[[@LINE]]:3: warning: address of local 'r' escapes to the heap; 'r' dangles when 'sharingDeclaredBefore' returns [escape-heap]
  return r;
}

// Given its handlers from outside: the caller may keep a copy.
class Adopting {
  std::shared_ptr<Signal> sig;

public:
  explicit Adopting(std::shared_ptr<Signal> s) : sig(std::move(s)) {}
  Adopting(const Adopting &) = delete;
  Sink sink() { return Sink{&*sig}; }
};

int adoptingDeclaredBefore(std::shared_ptr<Signal> shared) {
  int r = 0;
  Adopting a(shared);
  a.sink().connect(&r); // CHECK: shared-ptr-sole-owner.cpp:[[@LINE]]:3: warning: address of local 'r' is stored into the object parameter 'shared' refers to; 'r' dangles when 'adoptingDeclaredBefore' returns [escape-member]
  return r;
}

// Copyable: a copy may outlive the original.
class Copyable {
  std::shared_ptr<Signal> sig = std::make_shared<Signal>();

public:
  Sink sink() { return Sink{&*sig}; }
};

int copyableDeclaredBefore() {
  int r = 0;
  Copyable c;
  c.sink().connect(&r); // CHECK: shared-ptr-sole-owner.cpp:[[@LINE]]:3: warning: address of local 'r' escapes to the heap; 'r' dangles when 'copyableDeclaredBefore' returns [escape-heap]
  return r;
}

// Hands out a weak_ptr, which can be locked to outlive the owner.
class Weak {
  std::shared_ptr<Signal> sig = std::make_shared<Signal>();

public:
  Weak() = default;
  Weak(const Weak &) = delete;
  Sink sink() { return Sink{&*sig}; }
  std::weak_ptr<Signal> watch() { return sig; }
};

int weakDeclaredBefore() {
  int r = 0;
  Weak w;
  w.sink().connect(&r); // CHECK: shared-ptr-sole-owner.cpp:[[@LINE]]:3: warning: address of local 'r' escapes to the heap; 'r' dangles when 'weakDeclaredBefore' returns [escape-heap]
  return r;
}

// A global's initializer reads through a shared_ptr too, outside any method.
std::shared_ptr<Signal> gShared = std::make_shared<Signal>();
Sink gSink{&*gShared};
