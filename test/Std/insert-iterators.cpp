// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An insert iterator's assignment adds a copy of the value to the container
// the iterator refers to (push_back, push_front, insert): the value is
// copied, the reference to it is not kept. A pointer value is kept by the
// container.

#include <deque>
#include <iterator>
#include <set>
#include <vector>

int use(const std::vector<int> &);

int copiesValues() {
  std::vector<int> v;
  auto last = std::back_inserter(v);
  *last = 1000;
  *last = 2000;
  std::deque<int> d;
  *std::front_inserter(d) = 3;
  std::set<int> s;
  *std::inserter(s, s.end()) = 4;
  return use(v) + d.front() + *s.begin();
}

std::vector<int *> gPointers;

void keepsPointers() {
  int x = 0;
  *std::back_inserter(gPointers) = &x;
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: address of local 'x' {{.*}}[escape-
}
