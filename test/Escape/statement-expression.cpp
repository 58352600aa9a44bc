// RUN: not %clang-escape --caret=false %s -- -std=gnu++20 | FileCheck %s --implicit-check-not=warning:

// A GNU statement expression `({ ...; e; })` gives the value of its last
// expression statement, and the locals of its block die where it closes.

void use(int *p);

void localOfTheBlock() {
  int *p = ({ int x = 7; &x; }); // CHECK: statement-expression.cpp:[[@LINE]]:8: warning: address of local 'x' is kept in 'p'{{.*}}[escape-scope]
  use(p);
}

int *returnedThroughIt() {
  int local = 0;
  return ({ (void)0; &local; }); // CHECK: statement-expression.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

int *eitherArm(bool c) {
  return c ? ({ int x = 7; &x; }) // CHECK: statement-expression.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
           : ({ int y = 7; &y; }); // CHECK: statement-expression.cpp:[[@LINE-1]]:3: warning: address of local 'y' escapes to the caller{{.*}}[escape-return]
}

// Negatives: a long-lived address, a value computed from a local, and a
// local's address used only inside the block.
int *staticThroughIt() {
  static int s;
  return ({ (void)0; &s; });
}

int valueOfLocal() {
  return ({ int x = 7; int *q = &x; *q; });
}

int *parameterThroughIt(int *p) {
  return ({ int *q = p; q; });
}
