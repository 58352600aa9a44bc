// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A function returning either fresh storage or the pointer it is given
// (`Realloc(old, oldSize, newSize)` that keeps a block big enough) hands
// back fresh storage when it is given a null pointer there
// (FunctionSummary::FreshUnlessGiven): an object built in it is the
// caller's own, dead when destroyed. Given a pointer, the result is that
// pointer's object.

#include <cstddef>
#include <memory>
#include <new>

struct Pool {
  void *Malloc(std::size_t n) { return ::operator new(n); }
  void *Realloc(void *old, std::size_t oldSize, std::size_t newSize) {
    if (old == nullptr)
      return Malloc(newSize);
    if (oldSize >= newSize)
      return old;
    return Malloc(newSize);
  }
};

struct Counter {
  explicit Counter(int &c) : c_(&c) {}
  int *c_;
};

Counter *g_counter;

int builtAndDestroyed(Pool &pool) {
  int count = 0;
  auto *p = static_cast<Counter *>(pool.Realloc(nullptr, 0, sizeof(Counter)));
  std::destroy_at(new (p) Counter(count));
  return count;
}

int builtAndPublished(Pool &pool) {
  int count = 0;
  auto *p = static_cast<Counter *>(pool.Realloc(nullptr, 0, sizeof(Counter)));
  g_counter = new (p) Counter(count); // CHECK: [[@LINE]]:3: warning: address of local 'count' is stored in global 'g_counter'
  return count;
}

// Given the caller's block, the result is that block: what is built there
// outlives the local.
void builtInGivenBlock(Pool &pool, void *block) {
  int count = 0;
  auto *p = static_cast<Counter *>(pool.Realloc(block, 64, sizeof(Counter)));
  new (p) Counter(count); // CHECK: [[@LINE]]:11: warning: address of local 'count' is stored into the object parameter 'block' refers to
}

// Through typed wrappers passing their own parameter on, or a null pointer.
template <typename T, typename A>
T *Realloc(A &a, T *old, std::size_t oldN, std::size_t newN) {
  return static_cast<T *>(a.Realloc(old, oldN * sizeof(T), newN * sizeof(T)));
}
template <typename T, typename A> T *Malloc(A &a) {
  return Realloc<T, A>(a, nullptr, 0, 1);
}

int wrappedAndDestroyed(Pool &pool) {
  int count = 0;
  std::destroy_at(new (Realloc<Counter>(pool, nullptr, 0, 1)) Counter(count));
  std::destroy_at(new (Malloc<Counter>(pool)) Counter(count));
  return count;
}

void wrappedInGivenBlock(Pool &pool, Counter *block) {
  int count = 0;
  new (Realloc<Counter>(pool, block, 1, 1)) Counter(count); // CHECK: [[@LINE]]:45: warning: address of local 'count' is stored into the object parameter 'block' refers to
}
