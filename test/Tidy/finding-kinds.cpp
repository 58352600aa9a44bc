// Each finding kind of the CLI, reported by clang-tidy with the same
// location, message, notes and check name; safe look-alikes beside them.
// RUN: %tidy -checks='-*,escape-*' %s -- -std=c++20 -pthread 2>&1 \
// RUN:   | grep -v '^ ' | FileCheck %s --implicit-check-not=warning: \
// RUN:       --implicit-check-not=remark: --implicit-check-not=note:
// Perf findings are remarks, bug findings warnings, as in the CLI.

#include <coroutine>
#include <functional>
#include <string>
#include <thread>

struct Node {
  int Value = 0;
};

Node *returnsLocal() {
  Node N;
  return &N;
// CHECK: finding-kinds.cpp:[[@LINE-1]]:3: warning: address of local 'N' escapes to the caller; 'N' dangles when 'returnsLocal' returns [escape-return]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:8: note: 'N' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:10: note: address-of: &N
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:3: note: return: return &N
}
Node *returnsStatic() {
  static Node N;
  return &N;
}

int *Global;
void storesGlobal() {
  int X = 0;
  Global = &X;
// CHECK: finding-kinds.cpp:[[@LINE-1]]:3: warning: address of local 'X' is stored in global 'Global'; 'X' dangles when 'storesGlobal' returns [escape-global]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:7: note: 'X' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:12: note: address-of: &X
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:3: note: assign: Global = &X
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-5]]:3: note: store to global: Global
}
void storesGlobalThenClears() {
  int X = 0;
  Global = &X;
  Global = nullptr;
}

struct Registry {
  int *Slot = nullptr;
  void keep(int *P) { Slot = P; }
};
void storesMember(Registry &R) {
  int X = 0;
  R.keep(&X);
// CHECK: finding-kinds.cpp:[[@LINE-1]]:3: warning: address of local 'X' is stored into the object parameter 'R' refers to; 'X' dangles when 'storesMember' returns [escape-member]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:7: note: 'X' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:10: note: address-of: &X
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:3: note: call parameter: R.keep(&X)
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-5]]:3: note: in callee: Registry::keep: Slot = P (assign to member) at {{.*}}finding-kinds.cpp:[[@LINE-9]]:23
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-6]]:3: note: stored into the object via 'Registry::keep': R.keep(&X)
}

void throwsAddress() {
  int X = 0;
  throw &X;
// CHECK: finding-kinds.cpp:[[@LINE-1]]:3: warning: address of local 'X' escapes to the heap; 'X' dangles when 'throwsAddress' returns [escape-heap]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:7: note: 'X' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:9: note: address-of: &X
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:3: note: throw: throw &X
}
void throwsValue() {
  int X = 0;
  throw X;
}

std::function<int()> capturesByReference() {
  int X = 1;
  return [&X] { return X; };
// CHECK: finding-kinds.cpp:[[@LINE-1]]:3: warning: lambda expression captures local 'X' by reference and outlives it (sink ~r0); 'X' dangles when 'capturesByReference' returns [escape-lambda-capture]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:7: note: 'X' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:12: note: captured by reference: &X
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:10: note: call parameter: [&X] { return X; }
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-5]]:10: note: stored into the object via 'std::function<int ()>::function': [&X] { return X; }
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-6]]:3: note: return: return [&X] { return X; }
}
int callsInPlace() {
  int X = 1;
  return [&X] { return X; }();
}

void work(int *P) { *P = 1; }
void detachesThread() {
  int X = 0;
  std::thread T(work, &X);
  T.detach();
// CHECK: finding-kinds.cpp:[[@LINE-1]]:3: warning: address of local 'X' is handed to a thread that may outlive it; 'X' dangles when 'detachesThread' returns [escape-thread]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:7: note: 'X' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:23: note: address-of: &X
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-5]]:15: note: call parameter: T(work, &X)
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-6]]:15: note: stored into the object via 'std::thread::thread': T(work, &X)
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-6]]:3: note: call parameter: T.detach()
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-7]]:3: note: in callee: model: std::thread::detach
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-8]]:3: note: handed to a thread via 'std::thread::detach': T.detach()
}
void joinsThread() {
  int X = 0;
  std::thread T(work, &X);
  T.join();
}

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
};
Task lengthOf(const std::string &S) { co_return (int)S.size(); }
// CHECK: finding-kinds.cpp:[[@LINE-1]]:34: warning: reference parameter 'S' of coroutine 'lengthOf' is used after a suspension point; it dangles when the coroutine outlives the argument (a temporary, or a local of the caller) [escape-coroutine]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-2]]:37: note: lazy coroutine: suspends before its body: lengthOf
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:54: note: used after it: S

int usesAfterScope() {
  int *P = nullptr;
  {
    int Inner = 1;
    P = &Inner;
// CHECK: finding-kinds.cpp:[[@LINE-1]]:5: warning: address of local 'Inner' is kept in 'P', which is used after the scope of 'Inner' ends [escape-scope]
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:9: note: 'Inner' declared here
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-3]]:9: note: address-of: &Inner
// CHECK-NEXT: finding-kinds.cpp:[[@LINE-4]]:5: note: assign: P = &Inner
  }
  return *P;
}

int stackCandidate(int N) {
  int *P = new int[4];
// CHECK: finding-kinds.cpp:[[@LINE-1]]:12: remark: stack candidate: new int[] (16 bytes) never escapes 'stackCandidate' and is released in it; it can live on the stack [escape-stack-candidate]
  P[0] = N;
  int R = P[0];
  delete[] P;
  return R;
}

std::function<long()> erases(long A, long B, long C) {
  return [A, B, C] { return A + B + C; };
// CHECK: finding-kinds.cpp:[[@LINE-1]]:10: remark: conversion of lambda expression to std::function allocates on the heap (24 bytes exceed the 16-byte local buffer) [escape-type-erasure]
}

struct Big {
  char Data[100000];
};
int oversizedFrame() {
  Big B;
// CHECK: finding-kinds.cpp:[[@LINE-1]]:7: remark: 'B' is too large for the stack (100000 bytes > 65536) [escape-oversized-frame]
  B.Data[0] = 1;
  return B.Data[0];
}
