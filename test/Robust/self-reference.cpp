// A variable initialized with itself (undefined, but accepted): the lowering
// followed the initializer of `r` (of `p`) back to `r` (to `p`) for ever.
// RUN: not %clang-escape -m %s -- -std=c++17 -w 2>&1 | FileCheck %s
int *g_keep;

void reference() {
  int x = 0;
  int *&r = r;
  r = &x;
}

void pointer(int *q) {
  int *p = p + 1;
  *p = 1;
  g_keep = q; // CHECK: self-reference.cpp:[[@LINE-3]]:19: leaking param: q
}

// CHECK-NOT: analyzed conservatively
