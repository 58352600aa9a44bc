// Lambdas: a closure returned by value carries the address of a local (or a
// heap object) out in rax; a closure used locally does not.
//
// RUN: %clangxx %escrt_cflags -Wno-dangling %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/lambdas/claims.json -- %t \
// RUN:   | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

auto makeCounter() { // FN: makeCounter _Z11makeCounterv value
  int Count = 0; // STACK: Count noescape (WRONG)
  // CHECK: lambdas.cpp:[[@LINE-1]]: UNSOUND: makeCounter: &Count claimed not to escape: address CFA-{{[0-9]+}} of the frame (&Count) held by register rax (return value)
  return [&Count] { return ++Count; };
}

auto makeOwner() { // FN: makeOwner _Z9makeOwnerv value
  Node *N = new Node{nullptr, 7}; // HEAP: escapes Node
  // CHECK: lambdas.cpp:[[@LINE-1]]: CONFIRMED: makeOwner: heap 'Node' claimed to escape: object {{.*}} held by register rax (return value)
  return [N] { return N->Value; };
}

int applyLocal() { // FN: applyLocal _Z10applyLocalv value
  int X = 1; // STACK: X noescape
  // CHECK: lambdas.cpp:[[@LINE-1]]: CONFIRMED: applyLocal: &X claimed not to escape
  auto Add = [&X](int Y) { return X + Y; };
  return Add(2);
}

int main() {
  (void)makeCounter(); // never called: it would use a dangling reference
  auto Owner = makeOwner();
  return Owner() + applyLocal() == 10 ? 0 : 1;
}
// CHECK: summary: 3 claims in 3 functions, 1 run: 2 confirmed, 1 unsound, 0 imprecise, 0 unverified, 0 unobserved
