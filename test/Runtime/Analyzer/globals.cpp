// The analyzer's claims about globals, statics and thread-locals, checked on
// a real run: the witness of an escape names the global that holds it.
//
// RUN: rm -f %t.claims.json
// RUN: not %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;
thread_local Node *TSink;
int *GDangling;

void toGlobal() {
  GSink = new Node{nullptr, 1};
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: toGlobal: heap 'Node' claimed to escape: object {{.*}} held by global 'GSink'
}

void toThreadLocal() {
  TSink = new Node{nullptr, 2};
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: toThreadLocal: heap 'Node' claimed to escape: object {{.*}} held by thread-local 'TSink'
}

void toStaticLocal() {
  static Node *Keep;
  Keep = new Node{nullptr, 3};
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: toStaticLocal: heap 'Node' claimed to escape: object {{.*}} held by global '{{.*}}Keep{{.*}}'
}

void publish() {
  GSink->Next = new Node{nullptr, 4};
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: publish: heap 'Node' claimed to escape: object {{.*}} reached from global 'GSink'
}

void leakAddress() {
  int X = 1;
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: leakAddress: &X claimed to escape: address CFA-{{[0-9]+}} of the frame (&X) held by global 'GDangling'
  GDangling = &X;
}

int local() {
  Node *N = new Node{nullptr, 5};
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: local: heap 'Node' claimed not to escape
  int X = 6;
  // CHECK-DAG: globals.cpp:[[@LINE-1]]: CONFIRMED: local: &X claimed not to escape
  int *P = &X;
  int V = N->Value + *P;
  delete N;
  return V;
}

int main() {
  toGlobal();
  toThreadLocal();
  toStaticLocal();
  publish();
  leakAddress();
  GDangling = nullptr;
  return local() == 11 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
