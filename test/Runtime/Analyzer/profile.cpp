// The heap profile: per allocation site of the claimed functions, the
// objects and bytes allocated over the runs and how many escaped, joined
// with the analyzer's perf findings. The counts below are the program's
// own: useSmall allocates 16 bytes 100 times a run, useBig 128 bytes 5
// times, callLater one std::function callable 7 times; over two runs.
//
// RUN: rm -f %t.claims.json %t.findings.json
// RUN: %clang-escape --emit-claims=%t.claims.json --format=json -o %t.findings.json %s -- -std=c++17
// RUN: %clangxx -std=c++17 %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json --runs=2 --findings=%t.findings.json --profile=%t.profile.json --profile-top=%t.top -- %t > %t.summary
// RUN: FileCheck %s --input-file=%t.top
// RUN: FileCheck %s --input-file=%t.profile.json --check-prefix=JSON
// RUN: not clang-escape-validate --claims=%t.claims.json --findings=%t.findings.json -- %t 2>&1 | FileCheck %s --check-prefix=ALONE
// RUN: not clang-escape-validate --claims=%t.claims.json --profile=%t.p2 --findings=%t.claims.json -- %t 2>&1 | FileCheck %s --check-prefix=NOTFINDINGS

#include <functional>

struct Small {
  int A[4]; // 16 bytes
};
struct Big {
  double D[16]; // 128 bytes
};

int useSmall(int X) {
  Small *S = new Small{{X, X, X, X}};
  int R = S->A[0] + S->A[3];
  delete S;
  return R;
}

double useBig(double X) {
  Big *B = new Big{};
  B->D[0] = X;
  double R = B->D[0];
  delete B;
  return R;
}

long callLater(long X) {
  long A = X, B = 2, C = 3, D = 4;
  // 32 bytes of captures: more than std::function keeps inline.
  std::function<long()> F = [A, B, C, D] { return A + B + C + D; };
  return F();
}

Big *GKept;
void keep() { GKept = new Big{}; }

int main() {
  long Sum = 0;
  for (int I = 0; I < 100; ++I)
    Sum += useSmall(I);
  for (int I = 0; I < 5; ++I)
    Sum += static_cast<long>(useBig(I));
  for (int I = 0; I < 7; ++I)
    Sum += callLater(I);
  keep();
  return Sum == 0;
}

// Every site, by bytes: main's calls carry their callees' allocations.
// CHECK:      Type: alloc_space (every allocation site of the claimed functions)
// CHECK-NEXT: Showing nodes accounting for
// CHECK-NEXT:       flat  flat%   sum%        cum   cum%
// CHECK-DAG:  3.12kB {{.*}}  useSmall profile.cpp:26
// CHECK-DAG:  1.25kB {{.*}}  useBig profile.cpp:33
// CHECK-DAG:    256B {{.*}}  keep profile.cpp:48

// The stack candidates by the bytes they would have kept off the heap.
// CHECK:      Type: stack_bytes_saved (escape-stack-candidate)
// CHECK-NEXT: Showing nodes accounting for 4.38kB, 100% of 4.38kB total
// CHECK-NEXT:       flat  flat%   sum%        cum   cum%
// CHECK-NEXT:     3.12kB 71.43% 71.43%     3.12kB 71.43%  useSmall profile.cpp:26 new Small
// CHECK-NEXT:     1.25kB 28.57%   100%     1.25kB 28.57%  useBig profile.cpp:33 new Big
// CHECK-EMPTY:

// The type-erasure conversions by their allocations.
// CHECK-NEXT: Type: alloc_objects (escape-type-erasure)
// CHECK-NEXT: Showing nodes accounting for 14, 100% of 14 total
// CHECK-NEXT:       flat  flat%   sum%        cum   cum%
// CHECK-NEXT:         14   100%   100%         14   100%  callLater profile.cpp:43

// JSON:      "version": 1,
// JSON-NEXT: "runs": 2,
// JSON-NEXT: "sample": 1,
// JSON:      "escape-stack-candidate": [
// JSON-NEXT:   {
// JSON-NEXT:     "check": "escape-stack-candidate",
// JSON-NEXT:     "file": "{{.*}}profile.cpp",
// JSON-NEXT:     "line": 26,
// JSON-NEXT:     "function": "useSmall",
// JSON-NEXT:     "subject": "new Small",
// JSON-NEXT:     "observed": true,
// JSON-NEXT:     "objects": 200,
// JSON-NEXT:     "bytes": 3200,
// JSON-NEXT:     "escaped_objects": 0,
// JSON-NEXT:     "escaped_bytes": 0,
// JSON-NEXT:     "bytes_saved": 3200,
// JSON:          "line": 33,
// JSON-NEXT:     "function": "useBig",
// JSON:          "objects": 10,
// JSON-NEXT:     "bytes": 1280,
// JSON:      "escape-type-erasure": [
// JSON:          "line": 43,
// JSON-NEXT:     "function": "callLater",
// JSON-NEXT:     "subject": "{{.*}}",
// JSON-NEXT:     "observed": true,
// JSON-NEXT:     "objects": 14,

// ALONE: error: --findings joins a heap profile: give --profile or --profile-top
// NOTFINDINGS: error: {{.*}}.claims.json: not clang-escape's JSON output
