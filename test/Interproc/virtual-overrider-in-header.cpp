// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 -I %S/Inputs | FileCheck %s --implicit-check-not=warning:

// Virtual methods defined in a header are read when an object of their
// class is made here: the constructor that runs brings them along. Before,
// only a method called by name was read from a header, and the operation
// holding the lambda was taken to reach the heap through its operand's
// back-pointer (`*parentSlot() = this`).

#include "virtual-overrider-in-header.h"

int ownedByLocal() {
  int calls = 0;
  auto e = apply([&](int x) { ++calls; return x * x; }, constant(5));
  e.value();
  return calls;
}

Handle<int> kept = constant(0);
int storedInGlobal() {
  int calls = 0;
  kept = apply([&](int x) { ++calls; return x; }, constant(5)); // CHECK: virtual-overrider-in-header.cpp:[[@LINE]]:3: warning: lambda expression captures local 'calls' by reference and outlives it (sink {global kept}){{.*}}[escape-lambda-capture]
  return kept.value();
}
