// Escapes into globals and thread-locals, and a stack address left in a
// global. The witness names the global.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/globals/claims.json -- %t \
// RUN:   | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;
thread_local Node *TSink;
int *GDangling;

void toGlobal() { // FN: toGlobal _Z8toGlobalv void
  GSink = new Node{nullptr, 1}; // HEAP: noescape Node (WRONG)
  // CHECK: globals.cpp:[[@LINE-1]]: UNSOUND: toGlobal: heap 'Node' claimed not to escape: object {{.*}} held by global 'GSink' in the program
}

void toThreadLocal() { // FN: toThreadLocal _Z13toThreadLocalv void
  TSink = new Node{nullptr, 2}; // HEAP: noescape Node (WRONG)
  // CHECK: globals.cpp:[[@LINE-1]]: UNSOUND: toThreadLocal: heap 'Node' claimed not to escape: object {{.*}} held by thread-local 'TSink' of the main thread in the program
}

void throughGlobalAndBack() { // FN: throughGlobalAndBack _Z20throughGlobalAndBackv void
  Node *N = new Node{nullptr, 3}; // HEAP: noescape Node
  // CHECK: globals.cpp:[[@LINE-1]]: CONFIRMED: throughGlobalAndBack: heap 'Node' claimed not to escape
  Node *Saved = GSink;
  GSink = N;
  GSink = Saved;
  delete N;
}

void publish() { // FN: publish _Z7publishv void
  GSink->Next = new Node{nullptr, 4}; // HEAP: escapes Node
  // CHECK: globals.cpp:[[@LINE-1]]: CONFIRMED: publish: heap 'Node' claimed to escape: object {{.*}} held by heap object {{.*}} reached from global 'GSink' in the program
}

void leakAddress() { // FN: leakAddress _Z11leakAddressv void
  int X = 1; // STACK: X noescape (WRONG)
  // CHECK: globals.cpp:[[@LINE-1]]: UNSOUND: leakAddress: &X claimed not to escape: address CFA-{{[0-9]+}} of the frame (&X) held by global 'GDangling' in the program
  GDangling = &X;
}

void addressReset() { // FN: addressReset _Z12addressResetv void
  int X = 2; // STACK: X noescape
  // CHECK: globals.cpp:[[@LINE-1]]: CONFIRMED: addressReset: &X claimed not to escape
  GDangling = &X;
  GDangling = nullptr;
}

int main() {
  toGlobal();
  toThreadLocal();
  throughGlobalAndBack();
  publish();
  leakAddress();
  addressReset();
  return 0;
}
// CHECK: summary: 6 claims in 6 functions, 1 run: 3 confirmed, 3 unsound, 0 imprecise, 0 unverified, 0 unobserved
