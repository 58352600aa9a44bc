// A container's assign(first, last) and insert(pos, first, last) copy the
// elements of the range: addresses held there are held by the container.
// The position of insert and erase is not stored.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <vector>

struct Registry {
  std::vector<int *> items;

  void appendRange() {
    int x = 0;
    std::vector<int *> v;
    v.push_back(&x);
    items.insert(items.end(), v.begin(), v.end()); // CHECK: container-ranges.cpp:[[@LINE]]:5: warning: address of local 'x' is stored into *this, which outlives it; 'x' dangles when 'Registry::appendRange' returns [escape-member]
  }

  void eraseRange() { items.erase(items.begin(), items.end()); }
  void insertOwn() { items.insert(items.begin(), items.begin(), items.end()); }
};

std::vector<int *> assigned() {
  std::vector<int *> r;
  int i = 0;
  std::vector<int *> v;
  v.push_back(&i);
  r.assign(v.begin(), v.end());
  return r; // CHECK: container-ranges.cpp:[[@LINE]]:3: warning: address of local 'i' escapes to the caller; 'i' dangles when 'assigned' returns [escape-return]
}

std::vector<int> values() {
  int i = 0;
  std::vector<int> v{i, i};
  std::vector<int> r;
  r.assign(v.begin(), v.end());
  return r;
}
