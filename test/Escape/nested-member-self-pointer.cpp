// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A member of a member of *this (`st_.slot`) has a node of its own: a
// store into it is not a store into every member of `st_`. An object
// whose nested member points at a sibling (`st_.slot = &st_.spare`) holds
// its own address there only, and reading another member (`st_.value`)
// does not read it.

#include <utility>

struct State {
  int *value;
  int **slot;
  int *spare;
};

int use();

struct Walker {
  State st_;
  int *walk(int *v) {
    st_.value = v;
    st_.slot = &st_.spare; // points at its own member
    return st_.value;      // the other member only
  }
  void keep() {
    int local = 0;
    st_.value = &local; // CHECK: nested-member-self-pointer.cpp:[[@LINE]]:5: warning: address of local 'local' is stored into *this{{.*}}[escape-member]
  }
  int setUseClear() {
    int local = 0;
    st_.value = &local;
    int r = use();
    st_.value = nullptr;
    return r;
  }
};

int *walked(int *v) {
  Walker w;
  return w.walk(v);
}
// The sibling pointer itself still points into the local.
int **slotOfLocal() {
  Walker w;
  w.walk(nullptr);
  return w.st_.slot; // CHECK: nested-member-self-pointer.cpp:[[@LINE]]:3: warning: address of local 'w' escapes to the caller{{.*}}[escape-return]
}

// A member object whose own member points at a sibling member of the
// owner; a method of the member object that exchanges only its other
// member hands over nothing of the owner's.
struct Allocator {
  int x;
};
struct Buf {
  Allocator *allocator_ = nullptr;
  char *data_ = nullptr;
  void swapData(Buf &other) { std::swap(data_, other.data_); }
};
struct Builder {
  Allocator own_;
  Buf buf_;
  Builder() { buf_.allocator_ = &own_; }
  Builder(Builder &&other) : Builder() { buf_.swapData(other.buf_); }
  Builder &operator=(Builder &&other) {
    Builder temp(std::move(other));
    buf_.swapData(temp.buf_);
    return *this;
  }
};
