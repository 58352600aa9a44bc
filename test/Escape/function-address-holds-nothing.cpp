// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// A delegate holds an object's address and a function's. The function's
// address points at code: it holds no object, so a delegate made by a
// factory carries only what the factory was given, and a store through a
// pointer member that the object's own constructor aims at its own array
// lands in that object, not in the heap.
#include <cstddef>

class Delegate {
public:
  Delegate() = default;
  template <typename T, void (T::*M)()> static Delegate bind(T &obj) {
    return Delegate(&obj, &call<T, M>);
  }
  void operator()() const { fn_(obj_); }

private:
  Delegate(void *obj, void (*fn)(void *)) : obj_(obj), fn_(fn) {}
  template <typename T, void (T::*M)()> static void call(void *p) {
    (static_cast<T *>(p)->*M)();
  }
  void *obj_ = nullptr;
  void (*fn_)(void *) = nullptr;
};

class SlotsBase {
public:
  void add(const Delegate &d) { slots_[n_++] = d; }
  void fire() {
    for (std::size_t i = 0; i < n_; ++i)
      slots_[i]();
  }

protected:
  explicit SlotsBase(Delegate *storage) : slots_(storage) {}

private:
  Delegate *const slots_; // the derived object's own array
  std::size_t n_ = 0;
};

template <std::size_t N> class Slots : public SlotsBase {
public:
  Slots() : SlotsBase(store_) {}

private:
  Delegate store_[N];
};

struct Counter {
  int hits = 0;
  void hit() { ++hits; }
};

int listDiesFirst() {
  Counter c;
  Slots<2> slots;
  slots.add(Delegate::bind<Counter, &Counter::hit>(c));
  slots.fire();
  return c.hits;
}

Slots<2> globalSlots;

void intoGlobal() {
  Counter c;
  globalSlots.add(Delegate::bind<Counter, &Counter::hit>(c)); // CHECK: :[[@LINE]]:3: warning: address of local 'c' escapes to the heap; 'c' dangles when 'intoGlobal' returns [escape-heap]
}

int listOutlives() {
  Slots<2> slots;
  {
    Counter c;
    slots.add(Delegate::bind<Counter, &Counter::hit>(c)); // CHECK: :[[@LINE]]:5: warning: address of local 'c' is kept in 'slots', which is used after the scope of 'c' ends [escape-scope]
  }
  slots.fire();
  return 0;
}
