// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A std::tuple or std::pair whose element type is a reference keeps the
// address of what that element is built from, as std::forward_as_tuple's
// does. An element of object type copies its argument.

#include <memory>
#include <tuple>
#include <utility>

std::tuple<const int &> refTuple(const int &a) {
  return std::tuple<const int &>{a};
}
std::pair<int, const int &> refPair(const int &a) {
  return std::pair<int, const int &>{1, a};
}

int tupleOfTemporary() {
  // CHECK: [[@LINE+1]]:8: warning: temporary 'int' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  auto t = refTuple(3);
  return std::get<0>(t);
}

int pairOfTemporary() {
  // CHECK: [[@LINE+1]]:8: warning: temporary 'int' is destroyed at the end of the full-expression, but 'p' keeps its address and is used later [escape-scope]
  auto p = refPair(3);
  return p.second;
}

std::pair<int, const int &> returnsLocal() {
  int x = 1;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'returnsLocal' returns [escape-return]
  return {0, x};
}

// After `std::allocator_arg, alloc`, and with the allocator an element.
template <typename A, typename... P> auto withAllocator(const A &a, P &&...p) {
  return std::tuple<std::allocator_arg_t, const A &, P &&...>{
      std::allocator_arg, a, std::forward<P>(p)...};
}
int allocatorElements() {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: temporary {{.*}} is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  const auto t = withAllocator(std::allocator<int>{}, 3);
  return std::get<2>(t);
}

// Elements of object type copy their arguments.
std::pair<int, int> valuePair(const int &a) { return std::pair<int, int>{1, a}; }
std::tuple<int, const int &> mixed(const int &a, const int &b) {
  return std::tuple<int, const int &>{a, b};
}
int copiesValues() {
  static const int kept = 2;
  auto p = valuePair(3);
  auto t = mixed(4, kept);
  return p.second + std::get<0>(t) + std::get<1>(t);
}

// A reference to something that lives on.
int live() {
  int x = 1;
  auto t = refTuple(x);
  return std::get<0>(t);
}
