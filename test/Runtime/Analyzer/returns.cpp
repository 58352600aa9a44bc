// The analyzer's own claims (clang-escape --emit-claims) about returns,
// checked on a real run: heap objects and stack addresses leave through the
// return registers, through an out-parameter, or not at all.
//
// RUN: rm -f %t.claims.json
// RUN: not %clang-escape --emit-claims=%t.claims.json %s -- -Wno-return-stack-address > %t.report
// RUN: %clangxx %escrt_cflags -Wno-return-stack-address %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <memory>

struct Node {
  Node *Next;
  int Value;
};
struct Pair {
  Node *A, *B;
};

Node *makeNode(int V) {
  return new Node{nullptr, V};
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: makeNode: heap 'Node' claimed to escape: object {{.*}} held by register rax (return value)
}

Pair makePair() {
  return Pair{new Node{nullptr, 1}, new Node{nullptr, 2}};
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: makePair: heap 'Node' claimed to escape: object {{.*}} held by register {{rax|rdx}} (return value)
}

std::unique_ptr<Node> makeOwned(int V) {
  return std::make_unique<Node>(Node{nullptr, V});
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: makeOwned: heap 'Node' claimed to escape: object {{.*}} held by stack slot
}

void makeInto(Node **Out) {
  *Out = new Node{nullptr, 5};
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: makeInto: heap 'Node' claimed to escape: object {{.*}} held by stack slot
}

int sumTemp() {
  Node *N = new Node{nullptr, 3};
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: sumTemp: heap 'Node' claimed not to escape: never escaped in 1 allocation
  int V = N->Value;
  delete N;
  return V;
}

int *addressOfLocal() {
  int X = 4;
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: addressOfLocal: &X claimed to escape: address CFA-{{[0-9]+}} of the frame (&X) held by register rax (return value)
  return &X;
}

int byValue() {
  int X = 5;
  // CHECK-DAG: returns.cpp:[[@LINE-1]]: CONFIRMED: byValue: &X claimed not to escape: no address into the frame outlived 1 checked activation
  int *P = &X;
  return *P;
}

struct Box {
  int Value = 6;
  int &ref() { return Value; }
};

int &boxRef(Box &B) { return B.ref(); }

int main() {
  Node *A = makeNode(1);
  Pair P = makePair();
  std::unique_ptr<Node> O = makeOwned(4);
  Node *I = nullptr;
  makeInto(&I);
  int Sum = A->Value + P.A->Value + P.B->Value + O->Value + I->Value;
  Sum += sumTemp();
  (void)addressOfLocal();
  Sum += byValue();
  Box B;
  Sum += boxRef(B);
  delete A;
  delete P.A;
  delete P.B;
  delete I;
  return Sum == 27 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
