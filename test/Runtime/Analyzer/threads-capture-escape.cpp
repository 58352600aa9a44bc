// The callable given to std::thread is followed: what its captures hold goes
// through the lambda body's summary, so a heap object captured by value and
// stored into a global by the thread escapes (it used to be claimed not to).
// RUN: rm -f %t.claims.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <thread>

struct Node {
  Node *Next;
  int Value;
};

Node *GShared;

void publishJoined() {
  Node *N = new Node{nullptr, 1};
  // CHECK: threads-capture-escape.cpp:[[@LINE-1]]: CONFIRMED: publishJoined: heap 'Node' claimed to escape: object {{.*}} held by global 'GShared'
  std::thread T([N] { GShared = N; });
  T.join();
}

int main() {
  publishJoined();
  int V = GShared->Value;
  delete GShared;
  return V == 1 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
