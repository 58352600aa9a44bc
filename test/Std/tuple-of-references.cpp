// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::get<I> of a tuple whose element I is a reference (forward_as_tuple)
// gives the object the element refers to, not a place inside the tuple.

#include <memory>
#include <tuple>
#include <vector>

struct Holder {
  std::vector<int> v;
  template <typename... Args>
  explicit Holder(std::tuple<Args...> args)
      : v(std::get<0>(args), std::get<1>(args)) {}
};

// The vector copies the allocator: nothing keeps the temporary.
int copies(const std::vector<int> &src) {
  Holder h{std::forward_as_tuple(src, std::allocator<int>())};
  return static_cast<int>(h.v.size());
}

// The element refers to 'x': its address is the address of 'x'.
int *throughReference() {
  int x = 0;
  auto t = std::forward_as_tuple(x);
  return &std::get<0>(t);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// A tuple of values: the element is inside the tuple.
int *insideTuple() {
  std::tuple<int, int> t{1, 2};
  return &std::get<1>(t);
  // CHECK: [[@LINE-1]]:3: warning: address of local 't' escapes to the caller{{.*}}[escape-return]
}
