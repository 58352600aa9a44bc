// A function past its lowering budget (here a tiny one) is analyzed
// conservatively: a remark names it, its parameters may be kept (a maybe,
// so its callers' locals are not reported as definite escapes), and
// nothing is claimed about its locals. The other functions are analyzed in
// full.
// RUN: %clang-escape -m --max-function-steps=40 %s -- -std=c++17 2>&1 | FileCheck %s
// RUN: not %clang-escape --report-maybe --caret=false --max-function-steps=40 %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=MAYBE
// MAYBE: warning: 'big' ({{.*}}function-budget.cpp:13) analyzed conservatively: more than 40 steps of lowering

int *g_keep;

// CHECK: function-budget.cpp:[[@LINE+1]]:6: 'big' analyzed conservatively: more than 40 steps of lowering
void big(int *p, int *q) {
  int a = 0, b = 0, c = 0, d = 0;
  int *x = &a, *y = &b, *z = &c, *w = &d;
  x = y = z = w = p;
  y = z = w = x = q;
  z = w = x = y = &a;
  w = x = y = z = &b;
  (void)x;
}
// CHECK-NOT: a does not escape

// CHECK: function-budget.cpp:[[@LINE+1]]:17: p does not escape
void small(int *p) { (void)p; }

void caller() {
  int v = 0;
  big(&v, nullptr); // MAYBE: function-budget.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the heap
}
