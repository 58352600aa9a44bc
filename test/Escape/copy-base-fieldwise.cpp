// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A compiler-written copy constructor copies a base from the source's
// base fields only: the source's other parts may point into the source
// itself (a small vector's inline buffer) without the copy keeping the
// source's address. What the base's fields hold is copied.

#include <cstddef>

struct SmallVec {
  int *begin = data; // into its own inline buffer
  int *end = data;
  int data[4];
  explicit SmallVec(int x) { *end++ = x; }
  SmallVec(const SmallVec &o) { // copies the elements, re-points nothing
    for (int *p = o.begin; p != o.end; ++p)
      *end++ = *p;
  }
};

struct Shared {
  int *p = nullptr;
};

struct Array : Shared {
  SmallVec shape{0};
  Array() = default;
  Array(const Array &) = default;
};

Array copyOut() {
  Array a;
  Array b = a;
  return b;
}

Array baseFieldKept() {
  int x = 0;
  Array a;
  a.p = &x;
  Array b = a;
  return b; // CHECK: copy-base-fieldwise.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
