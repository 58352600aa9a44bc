// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// A std::tuple built from another tuple builds each element from the
// other's element: a value element copies what a reference element refers
// to (the tuple of references std::forward_as_tuple makes, handed to a
// tuple of values), a reference element keeps the address. Each element
// is a copy of a pointer element.
#include <tuple>
#include <type_traits>
#include <utility>

struct Job {
  int *state;
  Job() : state(new int(0)) {}
  Job(Job &&o) noexcept : state(std::exchange(o.state, nullptr)) {}
  ~Job() { delete state; }
};

template <typename... A> struct Group {
  std::tuple<A...> wrapped;
  explicit Group(std::tuple<A &&...> &&refs) : wrapped(std::move(refs)) {}
  int run() {
    return std::apply([](auto &...j) { return (++*j.state + ...); }, wrapped);
  }
};

template <typename... A> Group<std::decay_t<A>...> makeGroup(A &&...as) {
  return Group<std::decay_t<A>...>(
      std::forward_as_tuple(static_cast<A &&>(as)...));
}

int valuesFromReferences() {
  auto g = makeGroup(Job{});
  return g.run();
}

int valueFromTemporary() {
  std::tuple<int> t(std::forward_as_tuple(1));
  return std::get<0>(t);
}

int referenceToTemporary() {
  std::tuple<const int &> t(std::forward_as_tuple(1)); // CHECK: :[[@LINE]]:27: warning: temporary 'int' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  return std::get<0>(t);
}

std::tuple<int *> pointerCopied() {
  int local = 0;
  int *p = &local;
  std::tuple<int *> t(std::forward_as_tuple(p));
  return t; // CHECK: :[[@LINE]]:3: warning: address of local 'local' escapes to the caller
}
