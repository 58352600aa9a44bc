// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An allocator's allocate() returns fresh memory, not the allocator's own
// address: a temporary allocator is not returned through it.

#include <cstddef>
#include <memory>

int *fresh(std::size_t n) { return std::allocator<int>().allocate(n); }

template <typename T> struct Forwarding {
  using value_type = T;
  T *allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T *p, std::size_t n) { std::allocator<T>().deallocate(p, n); }
};

int *throughForwarding(std::size_t n) {
  Forwarding<int> a;
  return a.allocate(n);
}

// Still an escape: the address of a local, not what an allocator made.
int *local() {
  int x = 0;
  std::allocator<int> a;
  int *p = a.allocate(1);
  a.deallocate(p, 1);
  return &x;
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
