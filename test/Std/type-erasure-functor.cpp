// Real libstdc++ headers.
// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=error:

// A function object of the program's own class (not a lambda) turned into a
// std::function or std::any. Its implicit copy and move constructors have
// exception specifications the compiler computes only when it needs them:
// a defaulted move counts as noexcept, as libstdc++ finds it.

#include <any>
#include <functional>
#include <memory>
#include <string>

struct Factory {
  std::string t_;
  int operator()() const { return int(t_.size()); }
};

int run(const Factory &factory) {
  std::function<int()> f(factory);
  // CHECK: [[@LINE-1]]:24: remark: conversion of 'Factory' to std::function allocates on the heap (32 bytes exceed the 16-byte local buffer) [escape-type-erasure]
  return f();
}

// Eight bytes, moved without throwing (its member's move is noexcept):
// std::any keeps it in place.
struct Handle {
  Handle() = default;
  Handle(const Handle &) {}
  Handle(Handle &&) noexcept {}
  void *p = nullptr;
};
struct Wrapper {
  Handle h;
};

std::any keep(Wrapper w) { return std::any(std::move(w)); }

// Eight bytes, but its move may throw: on the heap.
struct Throwing {
  Throwing() = default;
  Throwing(Throwing &&) noexcept(false) {}
  Throwing(const Throwing &) {}
  void *p = nullptr;
};

std::any keepThrowing(Throwing t) { return std::any(std::move(t)); }
// CHECK: [[@LINE-1]]:44: remark: conversion of 'Throwing' to std::any allocates on the heap (it is not nothrow-movable) [escape-type-erasure]
