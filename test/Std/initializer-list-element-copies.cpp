// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A container built from an initializer list copies each element with the
// element's own copy constructor. One written by hand decides what the
// copy holds: a small vector's copy points at its own inline buffer, not
// at the backing array's element it was copied from; a handle's copy
// keeps what the handle points to.

#include <cstddef>
#include <vector>

struct SmallVec {
  int *begin_ = data_;
  int *end_ = data_;
  int data_[4];
  SmallVec(int x) { *end_++ = x; }
  SmallVec(const SmallVec &o) {
    for (const int *p = o.begin_; p != o.end_; ++p)
      *end_++ = *p;
  }
  SmallVec &operator=(const SmallVec &o) {
    end_ = begin_;
    for (const int *p = o.begin_; p != o.end_; ++p)
      *end_++ = *p;
    return *this;
  }
};

int use(const void *);

// Each element points into itself, in the vector's storage.
int smallVectorsFromList() {
  std::vector<SmallVec> v = {SmallVec(0), SmallVec(1)};
  return use(&v);
}
std::vector<SmallVec> returnedSmallVectors() {
  return {SmallVec(0), SmallVec(1)};
}
std::vector<std::vector<SmallVec>> nestedLists() {
  return {{SmallVec(0)}, {SmallVec(1), SmallVec(2)}};
}

// A hand-written copy that keeps what its source points to.
struct Handle {
  int *target;
  explicit Handle(int *t) : target(t) {}
  Handle(const Handle &o) : target(o.target) {}
};

std::vector<Handle> handlesToLocal() {
  int x = 0;
  return {Handle(&x)}; // CHECK: [[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
std::vector<Handle> handlesToParameter(int *p) { return {Handle(p)}; }

// Elements copied by the compiler's copy keep what they hold.
std::vector<int *> pointersToLocal() {
  int y = 0;
  return {&y}; // CHECK: [[@LINE]]:3: warning: address of local 'y' escapes to the caller{{.*}}[escape-return]
}

// A map's entries are pairs: their copy runs the small vector's.
#include <map>
int mapOfSmallVectors() {
  std::map<int, SmallVec> m = {{1, SmallVec(0)}};
  return use(&m);
}
