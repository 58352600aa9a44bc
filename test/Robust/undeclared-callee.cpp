// A typo away from valid code (an editor's everyday buffer): `g` is not
// declared, so `v`'s initializer is a recovery expression. Clang's error,
// the partial-findings message, and no crash.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <vector>

void f() {
  std::vector<int> v = g(); // CHECK: error: use of undeclared identifier 'g'
  auto it = v.begin();
  (void)it;
}

// What an invalid expression is given may be kept: a maybe, not reported.
int *h() {
  int x = 0;
  keep(&x); // CHECK: error: use of undeclared identifier 'keep'
  return nullptr;
}

// CHECK: error: 1 file(s) did not compile cleanly; their findings are partial
