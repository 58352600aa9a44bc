// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A local returned by name is built in the caller's result object (the
// named return value optimization): an address of its own part that it
// holds is the result's, not a dangling one. A small-buffer container
// points into itself while its elements fit.
#include <cstdlib>
#include <cstring>

struct SmallBuf {
  char inl[16];
  char *p = inl;
  SmallBuf() = default;
  SmallBuf(SmallBuf &&o) {
    if (o.p != o.inl) {
      p = o.p;
      o.p = o.inl;
    } else {
      std::memcpy(inl, o.inl, sizeof inl);
    }
  }
  ~SmallBuf() {
    if (p != inl)
      std::free(p);
  }
};

SmallBuf make() {
  SmallBuf v;
  return v;
}

auto lambdaMakes = [] {
  SmallBuf v;
  return v;
};

// Two different locals returned: neither is built in the result, and the
// move constructor hands on the source's heap block, never its pointer to
// its own inline buffer (Design.md, an object's own address).
SmallBuf either(bool c) {
  SmallBuf a, b;
  if (c)
    return a;
  return b;
}

// Another local's address in the returned object still dangles.
struct Ref {
  int *p = nullptr;
};
Ref pointsElsewhere() {
  int x = 0;
  Ref r;
  r.p = &x;
  return r; // CHECK: named-return-value.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// The object's own address kept in a global outlives the result object's
// owner: still reported.
struct Self {
  Self *self = this;
};
Self *gLast;
Self registered() {
  Self v;
  gLast = &v; // CHECK: named-return-value.cpp:[[@LINE]]:3: warning: address of local 'v' is stored in global 'gLast'{{.*}}[escape-global]
  return v;
}
