// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::invoke(f, args...) and std::apply(f, t) return what f returns, called
// with args (with t's elements): the call of f's operator() the library
// makes is followed. What f holds (the references of an adaptor binding a
// sender and a bound object) is not what the call returns.

#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>

// --- std::apply ----------------------------------------------------------------------------

// The callable returns the address of the tuple's element: inside the tuple.
int *elementAddress() {
  std::tuple<int, int> t{1, 2};
  return std::apply([](int &a, int &) { return &a; }, t);
  // CHECK: [[@LINE-1]]:3: warning: address of local 't' escapes to the caller{{.*}}[escape-return]
}

// The element is a pointer: the callable returns its value.
int *elementValue() {
  int x = 0;
  return std::apply([](int *p) { return p; }, std::tuple<int *>{&x});
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// The element refers to 'x' (forward_as_tuple): its address is x's.
int *referenceElement() {
  int x = 0;
  return std::apply([](auto &a) { return &a; }, std::forward_as_tuple(x));
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// Not reported: the element is a copy of a pointer the caller gave.
int *pointerCopied(int *q) {
  std::tuple<int, int *> t{1, q};
  return std::apply([](int, int *p) { return p; }, t);
}

// A sender adaptor: `sender | bound` applies the bound arguments to a
// callable holding references to the sender and to the bound object.
struct RetAddr {
  void *p;
};
template <class S> struct Copied {
  std::remove_cvref_t<S> pred;
  void *ra;
};
template <class S> struct Pointing {
  std::remove_cvref_t<S> *pred;
  void *ra;
};
struct CopyFn {
  template <class S> Copied<S> operator()(S &&s, RetAddr r) const {
    return Copied<S>{std::forward<S>(s), r.p};
  }
};
struct PointFn {
  template <class S> Pointing<S> operator()(S &&s, RetAddr r) const {
    return Pointing<S>{&s, r.p};
  }
};
template <class Cpo, class Target> struct ApplyFn {
  Cpo &&cpo;
  Target &&target;
  template <class... A> auto operator()(A &&...a) {
    return static_cast<Cpo &&>(cpo)(static_cast<Target &&>(target),
                                    static_cast<A &&>(a)...);
  }
};
template <class Cpo, class... A> struct Bound {
  Cpo cpo;
  std::tuple<A...> args;
};
template <class T, class Cpo, class... A>
decltype(auto) operator|(T &&t, Bound<Cpo, A...> &&self) {
  return std::apply(ApplyFn<Cpo, T>{static_cast<Cpo &&>(self.cpo),
                                    static_cast<T &&>(t)},
                    self.args);
}
struct Just {
  int v;
};

// Not reported: the result copies the sender and the pointer element's
// value, not the addresses of the temporaries.
int adaptorCopies(void *ra) {
  auto s = Just{1} | Bound<CopyFn, RetAddr>{{}, {RetAddr{ra}}};
  return s.pred.v;
}

// The result points at the sender temporary, which dies at the end of the
// declaration.
int adaptorPoints(void *ra) {
  Just j{1};
  auto s = Just{1} | Bound<PointFn, RetAddr>{{}, {RetAddr{ra}}};
  // CHECK: [[@LINE-1]]:8: warning: {{.*}}temporary 'Just'{{.*}}[escape-scope]
  auto k = j | Bound<PointFn, RetAddr>{{}, {RetAddr{ra}}};
  return s.pred->v + k.pred->v;
}

// --- std::invoke ---------------------------------------------------------------------------

// The callable returns the address of its argument.
int *invokedAddress() {
  int x = 0;
  return std::invoke([](int &a) { return &a; }, x);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// A generic callable.
int *invokedGeneric() {
  int x = 0;
  return std::invoke([](auto &a) { return &a; }, x);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// Not reported: the callable returns what it holds, not its argument.
int *invokedHeld(int *q) {
  int x = 0;
  return std::invoke([q](int &) { return q; }, x);
}

// Not reported: a function object whose result copies its argument.
struct Twice {
  std::pair<int *, int> operator()(int *p, int n) const { return {p, 2 * n}; }
};
std::pair<int *, int> invokedObject(int *q) {
  int n = 2;
  return std::invoke(Twice{}, q, n);
}
