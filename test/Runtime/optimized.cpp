// At -O2 without frame pointers the hooks cannot find the return address
// slot (or fire from inlined copies): the verdicts are UNVERIFIED or
// UNOBSERVED, never CONFIRMED for a wrong claim.
//
// RUN: %clangxx -O2 -fomit-frame-pointer -finstrument-functions %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%S/Inputs/optimized/claims.json -- %t \
// RUN:   | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;

__attribute__((noinline)) void toGlobal(int V) { // FN: toGlobal _Z8toGlobali void
  GSink = new Node{nullptr, V}; // HEAP: noescape Node (WRONG)
  // CHECK-NOT: CONFIRMED
  // CHECK: optimized.cpp:[[@LINE-2]]: {{UNVERIFIED|UNOBSERVED}}: toGlobal
}

int main(int Argc, char **) {
  toGlobal(Argc);
  return GSink->Value == Argc ? 0 : 1;
}
// CHECK: summary: 1 claim in 1 function, 1 run: 0 confirmed, 0 unsound
