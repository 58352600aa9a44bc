// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in fmtlib/fmt (test/args-test.cc with include/fmt/args.h:
// store.push_back(fmt::arg("a1", 42)) and fmt::arg("a2", std::cref(str))):
// 'named_arg' holds a name pointer and a 'const T &value'. The store copies
// the name pointer into one vector and the value (an int) into another; the
// reference to the temporary is never kept. While the struct was one
// location, storing 'a.name' also stored what 'a.value' refers to.

#include <vector>

template <typename T> struct named {
  const char *name;
  const T &value;
};

struct Store {
  std::vector<const char *> names_;
  std::vector<int> values_;
  std::vector<const int *> refs_;
  void push(const named<int> &a) {
    names_.push_back(a.name);
    values_.push_back(a.value);
  }
  void pushRef(const named<int> &a) { refs_.push_back(&a.value); }
};

// Not reported: only the name pointer (a literal) and a copy of the
// int are kept; the temporary '42' is not referenced after the statement.
unsigned long temporaryValue() {
  Store s;
  s.push(named<int>{"a1", 42});
  return s.names_.size();
}

// Not reported: 'v' is copied.
void intoParam(Store &s) {
  int v = 42;
  s.push(named<int>{"a1", v});
}

// Keeping the reference itself does dangle: reported, correctly.
void refIntoParam(Store &s) {
  int v = 42;
  s.pushRef(named<int>{"a1", v}); // CHECK: struct-with-reference-member.cpp:[[@LINE]]:3: warning: address of local 'v' is stored into the object parameter 's' refers to{{.*}}[escape-member]
}

// fmt's push_back re-wraps the argument: 'fmt::arg(name, value)' returns a
// new named_arg by value ('return {name, arg};'); its fields stay apart in
// the caller.
template <typename T> named<T> arg(const char *n, const T &v) { return {n, v}; }
// Re-wraps a named argument with Make, then keeps its parts.
template <typename N, N (*Make)(const char *, const int &)> struct Rewrapping {
  std::vector<const char *> names_;
  std::vector<int> values_;
  void emplace(const N &a) {
    names_.push_back(a.name);
    values_.push_back(a.value);
  }
  void push(const N &a) { emplace(Make(a.name, a.value)); }
};
using Store2 = Rewrapping<named<int>, arg<int>>;

// Not reported: as 'temporaryValue' above, through the re-wrapping.
unsigned long rewrapped() {
  Store2 s;
  s.push(arg("a1", 42));
  return s.names_.size();
}

// fmt's real named_arg has a constructor (and an empty base): 'return {n,
// v};' constructs the returned object in place.
struct view {};
template <typename T> struct named3 : view {
  const char *name;
  const T &value;
  named3(const char *n, const T &v) : name(n), value(v) {}
};
template <typename T> named3<T> arg3(const char *n, const T &v) {
  return {n, v};
}
using Store3 = Rewrapping<named3<int>, arg3<int>>;

// Not reported.
unsigned long constructedInPlace() {
  Store3 s;
  s.push(arg3("a1", 42));
  return s.names_.size();
}

// Returning the reference member itself does dangle: reported.
const int *valueOf(int v) {
  return &arg3("a", v).value; // CHECK: struct-with-reference-member.cpp:[[@LINE]]:3: warning: address of parameter 'v' escapes to the caller{{.*}}[escape-return]
}
