// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Unary plus on a pointer gives the pointer: `+&local` is local's address.

void use(int *p);

int *returned() {
  int local = 0;
  return +&local; // CHECK: unary-plus-pointer.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

void keptPastTheBlock() {
  int *p;
  {
    int local = 0;
    int *q = &local;
    p = +q; // CHECK: unary-plus-pointer.cpp:[[@LINE]]:5: warning: address of local 'local' is kept in 'p'{{.*}}[escape-scope]
  }
  use(p);
}

int **twoLevels() {
  int a = 1;
  int *b = &a;
  int **c = +&b;
  return c; // CHECK-DAG: unary-plus-pointer.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller{{.*}}[escape-return]
            // CHECK-DAG: unary-plus-pointer.cpp:[[@LINE-1]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

// Negatives: a static's address, and `+` on a number.
int *staticOne() {
  static int s;
  return +&s;
}

int number() {
  int local = 3;
  return +local;
}
