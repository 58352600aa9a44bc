// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A library function given a reference or pointer to an object that holds
// no address (a std::vector<int>) keeps at most that address, never what
// is "in" it. The caller keeps a member's object whole, so what it would
// read there is the whole object the member belongs to: abseil's btree test
// checker binds a reference member to its own container (const_tree_(tree_)),
// and copying the container seemed to copy that self-reference too.

#include <vector>

struct Checker {
  std::vector<int> tree_;
  const std::vector<int> &const_tree_; // bound to this object's own tree_
  Checker() : const_tree_(tree_) {}
  Checker(const Checker &o) : tree_(o.tree_), const_tree_(tree_) {}
  Checker &operator=(const Checker &o) {
    tree_ = o.tree_; // copies ints
    return *this;
  }
};

void copyAssigned(Checker *b) {
  b->tree_.push_back(1);
  Checker b_copy(*b);
  *b = b_copy;
}

void copiedInts(std::vector<int> *out) {
  std::vector<int> v{1, 2};
  *out = v;
}

// The same shapes with elements that are addresses: the copy keeps them.
void copiedPointers(std::vector<int *> *out) {
  int x = 0;
  std::vector<int *> v{&x};
  *out = v; // CHECK: self-bound-reference-member.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'out' refers to{{.*}}[escape-member]
}

struct PtrChecker {
  std::vector<int *> tree_;
  const std::vector<int *> &const_tree_;
  PtrChecker() : const_tree_(tree_) {}
  PtrChecker &operator=(const PtrChecker &o) {
    tree_ = o.tree_;
    return *this;
  }
};
void copyAssignedPointers(PtrChecker *b) {
  int x = 0;
  PtrChecker local;
  local.tree_.push_back(&x);
  *b = local; // CHECK: self-bound-reference-member.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'b' refers to{{.*}}[escape-member]
}
