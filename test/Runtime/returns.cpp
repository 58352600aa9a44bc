// Escapes through the return value: the registers a function returns in are
// roots at its return, a void function's stale rax is not.
//
// The claims in Inputs/returns/claims.json mirror the FN/HEAP/STACK comments;
// those marked WRONG are deliberately wrong and must come back UNSOUND.
//
// RUN: %clangxx %escrt_cflags -Wno-return-stack-address %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/returns/claims.json -- %t \
// RUN:   | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};
struct Pair {
  Node *A, *B;
};

Node *makeNode(int V) { // FN: makeNode _Z8makeNodei pointer
  return new Node{nullptr, V}; // HEAP: escapes Node
  // CHECK: returns.cpp:[[@LINE-1]]: CONFIRMED: makeNode: heap 'Node' claimed to escape: object {{.*}} held by register rax (return value)
}

Node *makeNodeWrong(int V) { // FN: makeNodeWrong _Z13makeNodeWrongi pointer
  return new Node{nullptr, V}; // HEAP: noescape Node (WRONG)
  // CHECK: returns.cpp:[[@LINE-1]]: UNSOUND: makeNodeWrong: heap 'Node' claimed not to escape: object {{.*}} held by register rax (return value)
}

Pair makePair() { // FN: makePair _Z8makePairv value
  return Pair{new Node{nullptr, 1}, new Node{nullptr, 2}}; // HEAP: noescape Node (WRONG)
  // CHECK: returns.cpp:[[@LINE-1]]: UNSOUND: makePair: heap 'Node' claimed not to escape: object {{.*}} held by register {{rax|rdx}} (return value)
}

int sumTemp() { // FN: sumTemp _Z7sumTempv value
  Node *N = new Node{nullptr, 3}; // HEAP: noescape Node
  // CHECK: returns.cpp:[[@LINE-1]]: CONFIRMED: sumTemp: heap 'Node' claimed not to escape: never escaped in 1 allocation
  int V = N->Value;
  delete N;
  return V;
}

int *addressOfLocal() { // FN: addressOfLocal _Z14addressOfLocalv pointer
  int X = 4; // STACK: X noescape (WRONG)
  // CHECK: returns.cpp:[[@LINE-1]]: UNSOUND: addressOfLocal: &X claimed not to escape: address CFA-{{[0-9]+}} of the frame (&X) held by register rax (return value)
  return &X;
}

int byValue() { // FN: byValue _Z7byValuev value
  int X = 5; // STACK: X noescape
  // CHECK: returns.cpp:[[@LINE-1]]: CONFIRMED: byValue: &X claimed not to escape: no address into the frame outlived 1 checked activation
  int *P = &X;
  return *P;
}

int main() {
  Node *A = makeNode(1), *B = makeNodeWrong(2);
  Pair P = makePair();
  int Sum = A->Value + B->Value + P.A->Value + P.B->Value + sumTemp();
  (void)addressOfLocal();
  Sum += byValue();
  delete A;
  delete B;
  delete P.A;
  delete P.B;
  return Sum == 14 ? 0 : 1;
}
// CHECK: summary: 6 claims in 6 functions, 1 run: 3 confirmed, 3 unsound, 0 imprecise, 0 unverified, 0 unobserved
