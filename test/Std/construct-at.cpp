// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::construct_at(p, args...) and std::allocator_traits<A>::construct(a,
// p, args...) build the object at p from the arguments, as a placement new
// does: the object holds what they hold, and construct_at returns p.

#include <memory>
#include <new>

struct Ref {
  int *p;
  explicit Ref(int *q) : p(q) {}
};
alignas(Ref) unsigned char gStorage[sizeof(Ref)];
Ref *gRef;

void constructAtGlobal() {
  int x = 0;
  // CHECK: [[@LINE+1]]:52: warning: address of local 'x' is stored in global 'gStorage'
  gRef = std::construct_at(reinterpret_cast<Ref *>(gStorage), &x);
}
void allocatorConstructGlobal() {
  int y = 0;
  std::allocator<Ref> a;
  // CHECK: [[@LINE+1]]:36: warning: address of local 'y' is stored in global 'gStorage'
  Ref *r = reinterpret_cast<Ref *>(gStorage);
  std::allocator_traits<std::allocator<Ref>>::construct(a, r, &y);
  gRef = r;
}
void placementNewGlobal() {
  int z = 0;
  // CHECK: [[@LINE+1]]:15: warning: address of local 'z' is stored in global 'gStorage'
  gRef = new (gStorage) Ref(&z);
}

// Built in a local buffer: nothing outlives the frame.
int constructAtLocal() {
  int x = 1;
  alignas(Ref) unsigned char buf[sizeof(Ref)];
  Ref *r = std::construct_at(reinterpret_cast<Ref *>(buf), &x);
  return *r->p;
}

// A container built from an iterator range copies the elements: the range
// is not kept (nlohmann/json's create<array_t>(init.begin(), init.end())).
// Built from a pointer alone, an optional keeps it.
#include <iterator>
#include <optional>
#include <vector>
std::vector<int> *gInts;
std::vector<int *> *gPointers;
std::optional<int *> *gOptional;
void rangeCopied() {
  int local[2] = {1, 2};
  std::allocator<std::vector<int>> a;
  auto *v = std::allocator_traits<decltype(a)>::allocate(a, 1);
  std::allocator_traits<decltype(a)>::construct(a, v, std::begin(local),
                                                std::end(local));
  gInts = v;
}
void rangeOfAddressesCopied() {
  int x = 0;
  int *addresses[1] = {&x};
  std::allocator<std::vector<int *>> a;
  auto *v = std::allocator_traits<decltype(a)>::allocate(a, 1);
  std::allocator_traits<decltype(a)>::construct(a, v, std::begin(addresses),
                                                std::end(addresses));
  // The allocation holds x's address from here on.
  // CHECK: [[@LINE+1]]:3: warning: address of local 'x' is stored in global 'gPointers'
  gPointers = v;
}
void pointerKept() {
  int y = 0;
  std::allocator<std::optional<int *>> a;
  auto *o = std::allocator_traits<decltype(a)>::allocate(a, 1);
  std::allocator_traits<decltype(a)>::construct(a, o, &y);
  // CHECK: [[@LINE+1]]:3: warning: address of local 'y' is stored in global 'gOptional'
  gOptional = o;
}
