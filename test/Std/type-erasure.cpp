// Real libstdc++ headers (libstdc++ 12: std::function stores a callable
// locally only if it is trivially copyable and fits 16 bytes; std::any only
// if it fits 8 bytes and is nothrow-movable; std::move_only_function if it
// fits 24 bytes and is nothrow-movable).
// RUN: %clang-escape --caret=false %s -- -std=c++23 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

#include <any>
#include <array>
#include <functional>
#include <string>

// --- std::function ------------------------------------------------------------

std::function<long()> bigCapture() {
  long a = 1, b = 2, c = 3;
  return [a, b, c] { return a + b + c; }; // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of lambda expression to std::function allocates on the heap (24 bytes exceed the 16-byte local buffer) [escape-type-erasure]
}

std::function<int()> stringCapture() {
  std::string s = "x";
  return [s] { return (int)s.size(); }; // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of lambda expression to std::function allocates on the heap (32 bytes exceed the 16-byte local buffer) [escape-type-erasure]
}

int bigCaptureUsedLocally() {
  long a = 1, b = 2, c = 3;
  std::function<long()> f = [a, b, c] { return a + b + c; }; // CHECK: type-erasure.cpp:[[@LINE]]:29: remark: conversion of lambda expression to std::function allocates on the heap (24 bytes{{.*}}[escape-type-erasure]
  return (int)f();
}

struct Functor {
  char data[32];
  int operator()() const { return data[0]; }
};
std::function<int()> bigFunctor() {
  return Functor{}; // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of 'Functor' to std::function allocates on the heap (32 bytes exceed the 16-byte local buffer) [escape-type-erasure]
}

// Small and trivially copyable: stored in the local buffer.
std::function<int()> smallCapture() {
  int a = 1;
  return [a] { return a; };
}
std::function<int()> twoPointers(int *p, int *q) {
  return [p, q] { return *p + *q; };
}
std::function<int()> noCapture() {
  return [] { return 1; };
}
int function();
std::function<int()> functionPointer() { return &function; }

// --- std::move_only_function -------------------------------------------------------

std::move_only_function<long()> moveOnlyBig() {
  long a = 1, b = 2, c = 3, d = 4;
  return [a, b, c, d] { return a + b + c + d; }; // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of lambda expression to std::move_only_function allocates on the heap (32 bytes exceed the 24-byte local buffer) [escape-type-erasure]
}
std::move_only_function<long()> moveOnlyFits() {
  long a = 1, b = 2, c = 3;
  return [a, b, c] { return a + b + c; };
}

// --- std::any ---------------------------------------------------------------------

std::any largeArray() {
  std::array<char, 64> a{};
  return a; // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of 'std::array<char, 64>' to std::any allocates on the heap (64 bytes exceed the 8-byte local buffer) [escape-type-erasure]
}
std::any string() {
  return std::string("x"); // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of 'std::string' to std::any allocates on the heap (32 bytes exceed the 8-byte local buffer) [escape-type-erasure]
}
std::any integer() { return 42; }
std::any pointer(int *p) { return p; }
std::any dbl() { return 1.5; }

// --- Known false positives / bad messages ---------------------------------------------

// A function name converts to a function pointer (8 bytes, trivially
// copyable), stored locally like '&function' above.
std::function<int()> functionName() {
  return function;
}

// A bind expression holds a std::tuple: not trivially copyable, so it is
// heap-allocated.
std::function<int()> bindExpression(int x) {
  return std::bind([](int r) { return r; }, x); // CHECK: type-erasure.cpp:[[@LINE]]:10: remark: conversion of {{.*}} to std::function allocates on the heap (it is not trivially copyable) [escape-type-erasure]
}
