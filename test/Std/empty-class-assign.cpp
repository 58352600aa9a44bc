// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A method of an empty library class has no member to keep its argument
// in: `std::ignore = f(local);` stores nothing into the global std::ignore.

#include <tuple>

struct Handle {
  int *p;
};
Handle make(int &x) { return Handle{&x}; }

Handle g_keep;

// Negative: assigned to std::ignore, the handle is dropped.
void ignored() {
  int local = 0;
  std::ignore = make(local);
}

// Positive: a real global keeps it.
void kept() {
  int local = 0;
  g_keep = make(local); // CHECK: empty-class-assign.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'g_keep'{{.*}}[escape-global]
}
