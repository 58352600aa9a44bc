// --sample=N checks one activation in N; the JSON report carries the
// counters. Activations whose allocations are all freed skip the trace.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%S/Inputs/sampling/claims.json \
// RUN:   --sample=10 --runs=2 --report=%t.json -- %t | FileCheck %s
// RUN: FileCheck --check-prefix=JSON %s < %t.json

struct Node {
  Node *Next;
  int Value;
};

int churn(int I) { // FN: churn _Z5churni value
  Node *N = new Node{nullptr, I}; // HEAP: noescape Node
  // CHECK: sampling.cpp:[[@LINE-1]]: CONFIRMED: churn: heap 'Node' claimed not to escape: never escaped in 20 allocations
  int V = N->Value;
  delete N;
  return V;
}

int main() {
  long Sum = 0;
  for (int I = 0; I < 100; ++I)
    Sum += churn(I);
  return Sum == 4950 ? 0 : 1;
}
// CHECK: summary: 1 claim in 1 function, 2 runs: 1 confirmed
// JSON: "activations": 200,
// JSON: "checked": 20,
// JSON: "sampled_out": 180,
// JSON: "skipped_no_candidate": 20,
// JSON: "traced": 0
// JSON: "sample": 10,
// JSON: "CONFIRMED": 1,
