// clang-tidy's suppression comments silence escape-* findings, each only
// for the checks it names.
// RUN: %tidy -checks='-*,escape-*' %s -- -std=c++20 2>&1 | grep -v '^ ' | FileCheck %s \
// RUN:   --implicit-check-not=warning: --implicit-check-not=remark:

int *plain() { int X = 0; return &X; } // CHECK: nolint.cpp:[[@LINE]]:27: warning: address of local 'X' escapes to the caller{{.*}}[escape-return]
int *all() { int X = 0; return &X; } // NOLINT
int *named() { int X = 0; return &X; } // NOLINT(escape-return)
int *globbed() { int X = 0; return &X; } // NOLINT(escape-*)
int *other() { int X = 0; return &X; } // NOLINT(escape-heap) CHECK: nolint.cpp:[[@LINE]]:27: warning: {{.*}}'other'{{.*}}[escape-return]

// NOLINTNEXTLINE(escape-return)
int *next() { int X = 0; return &X; }
// NOLINTNEXTLINE(bugprone-*)
int *nextOther() { int X = 0; return &X; } // CHECK: nolint.cpp:[[@LINE]]:31: warning: {{.*}}'nextOther'{{.*}}[escape-return]

// NOLINTBEGIN(escape-return)
int *inBlock() { int X = 0; return &X; }
int *Kept;
void storesInBlock() { int X = 0; Kept = &X; } // CHECK: nolint.cpp:[[@LINE]]:35: warning: {{.*}}'storesInBlock'{{.*}}[escape-global]
// NOLINTEND(escape-return)
int *afterBlock() { int X = 0; return &X; } // CHECK: nolint.cpp:[[@LINE]]:32: warning: {{.*}}'afterBlock'{{.*}}[escape-return]

// Perf remarks too.
int candidate(int N) {
  int *P = new int(N); // NOLINT(escape-stack-candidate)
  int R = *P;
  delete P;
  return R;
}

// CHECK: Suppressed {{[0-9]+}} warnings ({{[0-9]+}} NOLINT
