// `&x` pushed into a container that outlives the function and then a
// pop/erase/clear in the same block: which element went is not known (the
// erase below removes the old first element and keeps &X), so the claim is
// "escapes" (a maybe), never a definite "does not escape". Checked on the
// claims file and on a real run.
//
// RUN: rm -f %t.claims.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- -std=c++17 > %t.report
// RUN: FileCheck --check-prefix=CLAIMS %s < %t.claims.json
// RUN: %clangxx -std=c++17 %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <deque>
#include <vector>

std::vector<int *> GVec;
std::deque<int *> GDeque;

void popBackThenClear() {
  int X = 1;
  GVec.push_back(&X);
  GVec.pop_back();
  int Z = 3;
  GDeque.push_back(&Z);
  GDeque.clear();
}

void eraseFirst(std::vector<int *> &Out) {
  int Y = 2;
  Out.push_back(&Y);
  Out.erase(Out.begin()); // the old element goes; &Y stays
}
// CHECK: container-undo.cpp:[[@LINE-4]]: CONFIRMED: eraseFirst: &Y claimed to escape

void popFront(std::deque<int *> &Out) {
  int W = 4;
  Out.push_back(&W);
  Out.pop_front(); // the old element goes; &W stays
}
// CHECK: container-undo.cpp:[[@LINE-4]]: CONFIRMED: popFront: &W claimed to escape

int main() {
  popBackThenClear();
  std::vector<int *> V{nullptr};
  eraseFirst(V);
  std::deque<int *> D{nullptr};
  popFront(D);
  return 0;
}
// CHECK-NOT: UNSOUND
// CHECK: 0 unsound

// CLAIMS-NOT: "escapes": false
// CLAIMS: "name": "popBackThenClear"
// CLAIMS-NOT: "escapes": false
// CLAIMS: "name": "main"
