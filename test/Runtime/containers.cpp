// Escapes through standard containers: the element reaches the global
// vector's buffer; a local vector's buffer is freed before the return.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/containers/claims.json -- %t \
// RUN:   | FileCheck %s

#include <string>
#include <vector>

struct Node {
  Node *Next;
  int Value;
};

std::vector<Node *> GVec;

void pushGlobal() { // FN: pushGlobal _Z10pushGlobalv void
  GVec.push_back(new Node{nullptr, 1}); // HEAP: noescape Node (WRONG)
  // CHECK: containers.cpp:[[@LINE-1]]: UNSOUND: pushGlobal: heap 'Node' claimed not to escape: object {{.*}} held by {{.*}}global 'GVec' in the program
}

int localVector() { // FN: localVector _Z11localVectorv value
  std::vector<int> V(100, 1); // HEAP: noescape int
  // CHECK: containers.cpp:[[@LINE-1]]: CONFIRMED: localVector: heap 'int' claimed not to escape
  int Sum = 0;
  for (int X : V)
    Sum += X;
  return Sum;
}

size_t localString() { // FN: localString _Z11localStringv value
  std::string S(100, 'x'); // HEAP: escapes char (IMPRECISE on purpose)
  // CHECK: containers.cpp:[[@LINE-1]]: IMPRECISE: localString: heap 'char' claimed to escape: never escaped
  return S.size();
}

int main() {
  pushGlobal();
  int R = localVector() == 100 && localString() == 100 ? 0 : 1;
  for (Node *N : GVec)
    delete N;
  return R;
}
// CHECK: summary: 3 claims in 3 functions, 1 run: 1 confirmed, 1 unsound, 1 imprecise, 0 unverified, 0 unobserved
