// std::function: a small capture by reference sits in the global's inline
// storage, a large one in a heap functor the global points to.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/std-function/claims.json -- %t \
// RUN:   | FileCheck %s

#include <functional>

std::function<int()> GFn;

void captureByRef() { // FN: captureByRef _Z12captureByRefv void
  int Y = 2; // STACK: Y escapes
  // CHECK: std-function.cpp:[[@LINE-1]]: CONFIRMED: captureByRef: &Y claimed to escape: address CFA-{{[0-9]+}} of the frame (&Y) held by global 'GFn' in the program
  GFn = [&Y] { return Y; };
}

void captureByRefWrong() { // FN: captureByRefWrong _Z17captureByRefWrongv void
  long Other = 0;
  int Y = 3; // STACK: Y noescape (WRONG)
  // CHECK: std-function.cpp:[[@LINE-1]]: UNSOUND: captureByRefWrong: &Y claimed not to escape: address CFA-{{[0-9]+}} of the frame (&Y) held by global 'GFn' in the program
  GFn = [&Y, &Other] { return Y + int(Other); };
}

// Same frame layout as captureByRefWrong, called right after it: GFn already
// holds this frame's &Y at entry, so a store of the same address cannot be
// seen. The answer is UNVERIFIED, not CONFIRMED.
void captureByRefAgain() { // FN: captureByRefAgain _Z17captureByRefAgainv void
  long Other = 0;
  int Y = 3; // STACK: Y noescape (WRONG)
  // CHECK: std-function.cpp:[[@LINE-1]]: UNVERIFIED: captureByRefAgain: &Y claimed not to escape: a pointer into the frame left by an earlier call was still there at return
  GFn = [&Y, &Other] { return Y + int(Other); };
}

void captureBig() { // FN: captureBig _Z10captureBigv void
  int Y = 4; // STACK: Y escapes
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: captureBig: &Y claimed to escape: address CFA-{{[0-9]+}} of the frame (&Y) held by heap object {{.*}} reached from global 'GFn' in the program
  long Pad[6] = {1, 2, 3, 4, 5, 6};
  GFn = [&Y, Pad] { return Y + int(Pad[0]); }; // HEAP: noescape functor (WRONG)
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: UNSOUND: captureBig: heap 'functor' claimed not to escape: object {{.*}} held by global 'GFn' in the program
}

int localFunction() { // FN: localFunction _Z13localFunctionv value
  int Z = 5; // STACK: Z noescape
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: localFunction: &Z claimed not to escape
  long Pad[6] = {};
  std::function<int()> F = [&Z, Pad] { return Z + int(Pad[0]); }; // HEAP: noescape functor
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: localFunction: heap 'functor' claimed not to escape
  return F();
}

int main() {
  captureByRef();
  captureByRefWrong();
  captureByRefAgain();
  captureBig();
  GFn = nullptr;
  return localFunction() == 5 ? 0 : 1;
}
// CHECK: summary: 7 claims in 5 functions, 1 run: 4 confirmed, 2 unsound, 0 imprecise, 1 unverified, 0 unobserved
