// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An iterator passed by value points into its container: a store through
// it (`std::iter_swap(a, b)`, a sort's exchange of two elements) lands in
// that container, not in an unknown heap object. Reported when the
// container outlives what is stored.

#include <algorithm>
#include <memory_resource>
#include <vector>

int swappedInPlace() {
  int x = 0, y = 1;
  std::vector<int *> v{&x, &y};
  std::iter_swap(v.begin(), v.begin() + 1);
  return *v[0];
}

// Through a function template given the iterator by value.
template <class It> void swapAt(It head, unsigned i, unsigned j) {
  std::iter_swap(head + i, head + j);
}

int swappedByHelper() {
  int x = 0, y = 1;
  std::vector<int *> v{&x, &y};
  swapAt(v.begin(), 0, 1);
  return *v[0];
}

// A container whose allocator points at a local resource, sorted in place.
int pmrSorted() {
  std::pmr::monotonic_buffer_resource mr;
  std::pmr::vector<int> v{std::pmr::polymorphic_allocator<int>(&mr)};
  v.push_back(2);
  v.push_back(1);
  swapAt(v.begin(), 0, 1);
  return v[0];
}

// Exchanged with an element of a global container.
std::vector<int *> globalPtrs(1);
void swappedOut() {
  int x = 0;
  std::vector<int *> v{&x};
  // CHECK: [[@LINE+1]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
  std::iter_swap(v.begin(), globalPtrs.begin());
}

// Written through an iterator into a global container.
template <class It> void put(It at, int *p) { *at = p; }
void putOut() {
  int x = 0;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
  put(globalPtrs.begin(), &x);
}

// Written through an iterator into a local one: nothing leaves.
int putLocally() {
  int x = 0;
  std::vector<int *> v(1);
  put(v.begin(), &x);
  return *v[0];
}
