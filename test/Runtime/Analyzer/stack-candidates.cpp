// Stack candidates: allocations the analyzer says never escape and are
// released in the function (new/delete, a local unique_ptr), checked on a
// real run. Each of them must be CONFIRMED: none is reachable at return.
//
// RUN: rm -f %t.claims.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: FileCheck --check-prefix=REPORT %s < %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <memory>

struct Matrix {
  double Cells[9];
};

double trace() {
  Matrix *M = new Matrix{{1, 0, 0, 0, 2, 0, 0, 0, 3}};
  // REPORT-DAG: stack-candidates.cpp:[[@LINE-1]]:{{[0-9]+}}: remark: stack candidate: new Matrix (72 bytes)
  // CHECK-DAG: stack-candidates.cpp:[[@LINE-2]]: CONFIRMED: trace: heap 'Matrix' claimed not to escape: never escaped in 1 allocation
  double T = M->Cells[0] + M->Cells[4] + M->Cells[8];
  delete M;
  return T;
}

double owned() {
  auto M = std::make_unique<Matrix>();
  // REPORT-DAG: stack-candidates.cpp:[[@LINE-1]]:{{[0-9]+}}: remark: stack candidate: std::make_unique<Matrix>
  // CHECK-DAG: stack-candidates.cpp:[[@LINE-2]]: CONFIRMED: owned: heap 'Matrix' claimed not to escape: never escaped in 1 allocation
  M->Cells[0] = 4;
  return M->Cells[0];
}

int loop(int N) {
  int S = 0;
  for (int I = 0; I < N; ++I) {
    int *P = new int(I);
    // REPORT-DAG: stack-candidates.cpp:[[@LINE-1]]:{{[0-9]+}}: remark: stack candidate: new int
    // CHECK-DAG: stack-candidates.cpp:[[@LINE-2]]: CONFIRMED: loop: heap 'int' claimed not to escape: never escaped in 5 allocations
    S += *P;
    delete P;
  }
  return S;
}

int buffer() {
  char *B = new char[32];
  // REPORT-DAG: stack-candidates.cpp:[[@LINE-1]]:{{[0-9]+}}: remark: stack candidate: new char[]
  // CHECK-DAG: stack-candidates.cpp:[[@LINE-2]]: CONFIRMED: buffer: heap 'char' claimed not to escape: never escaped in 1 allocation
  for (int I = 0; I < 32; ++I)
    B[I] = char(I);
  int S = B[31];
  delete[] B;
  return S;
}

int main() {
  double D = trace() + owned();
  int S = loop(5) + buffer();
  return D == 10 && S == 41 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
