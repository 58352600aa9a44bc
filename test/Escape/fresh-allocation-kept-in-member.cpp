// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An allocator's allocate() is an allocation site, as `new` is. A method
// that keeps the allocation in a member of its object and returns it (a
// small vector's growth transaction, abseil's AllocationTransaction) hands
// the caller a fresh object, also held by that object: what the caller
// builds in it stays with whoever holds it.

#include <memory>

struct Transaction {
  std::allocator<int *> a;
  int **data = nullptr;
  int **allocate(unsigned long n) {
    data = a.allocate(n);
    return data;
  }
};

struct SmallVec {
  int *inline_[4];
  int **heap = nullptr;
  unsigned size = 0;
  void push(int *p) {
    Transaction tx;
    int **d = tx.allocate(8);
    d[size++] = p;
    heap = d;
  }
};

int localVector() {
  int x = 0;
  SmallVec v;
  v.push(&x);
  return *v.heap[0];
}

SmallVec gVec;

void globalVector() {
  int y = 0;
  gVec.push(&y);
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: address of local 'y' {{.*}}'gVec'{{.*}}[escape-global]
}

// Built straight in memory from allocate(): stored where the memory goes.
int **gSlots;
void allocatedThenPublished() {
  int z = 0;
  std::allocator<int *> a;
  int **d = a.allocate(1);
  std::allocator_traits<std::allocator<int *>>::construct(a, d, &z);
  gSlots = d;
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: address of local 'z' is stored in global 'gSlots'
}

int allocatedAndDropped() {
  int w = 0;
  std::allocator<int *> a;
  int **d = a.allocate(1);
  std::allocator_traits<std::allocator<int *>>::construct(a, d, &w);
  int r = **d;
  a.deallocate(d, 1);
  return r;
}
