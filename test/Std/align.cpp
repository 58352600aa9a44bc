// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// std::align returns the pointer it is given, moved forward within the
// same buffer: an object built there lives in that buffer (a small-buffer
// function wrapper), not on the heap.

#include <cstddef>
#include <memory>
#include <new>
#include <utility>

struct Fn {
  alignas(16) unsigned char buf[32];
  void *heap = nullptr;
  void *where = nullptr;
  void (*call)(void *) = nullptr;
  template <class F> Fn(F f) {
    void *p = buf;
    std::size_t cap = sizeof buf;
    void *s = std::align(alignof(F), sizeof(F), p, cap);
    if (!s)
      s = heap = ::operator new(sizeof(F));
    new (s) F(std::move(f));
    where = s;
    call = [](void *o) { (*static_cast<F *>(o))(); };
  }
  Fn(const Fn &) = delete;
  ~Fn() { ::operator delete(heap); }
  void operator()() { call(where); }
};

bool ignore(Fn &&) { return true; }
Fn *kept;

bool passedAndDropped() {
  int i = 0;
  return ignore(Fn([&] { ++i; }));
}
void keptInGlobal() {
  int j = 0;
  // CHECK: [[@LINE+1]]:14: warning: lambda expression captures local 'j' {{.*}}
  kept = new Fn([&] { ++j; });
}

// The aligned pointer into a local buffer is that buffer.
void *alignedLocal() {
  alignas(8) char b[16];
  void *p = b;
  std::size_t n = sizeof b;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'b' {{.*}}
  return std::align(8, 8, p, n);
}
