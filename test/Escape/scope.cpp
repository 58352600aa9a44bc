// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A block-scoped local whose address is kept in a variable of an enclosing
// block and used after the inner block ends.

int usedAfterBlock() {
  int *p = nullptr;
  {
    int inner = 1;
    p = &inner; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'inner' is kept in 'p', which is used after the scope of 'inner' ends [escape-scope]
  }
  return *p;
}

int usedOnlyInsideBlock() {
  int *p = nullptr;
  int r = 0;
  {
    int inner = 1;
    p = &inner;
    r = *p;
  }
  return r;
}

int arrayDecayUsedAfter() {
  int *p;
  {
    int a[4] = {1, 2, 3, 4};
    p = a; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'a' is kept in 'p', which is used after the scope of 'a' ends [escape-scope]
  }
  return p[1];
}

int oneBranch(bool b) {
  const int *p;
  if (b) {
    int x = 1;
    p = &x; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'p'{{.*}}[escape-scope]
  } else {
    static int y = 2;
    p = &y;
  }
  return *p;
}

int lastIteration() {
  int *last = nullptr;
  for (int i = 0; i < 3; ++i) {
    int v = i;
    last = &v; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'v' is kept in 'last'{{.*}}[escape-scope]
  }
  return *last;
}

int withinIteration() {
  int s = 0;
  for (int i = 0; i < 3; ++i) {
    int v = i;
    int *q = &v;
    s += *q;
  }
  return s;
}

int loopVariable() {
  int *p = nullptr;
  for (int i = 0; i < 1; ++i)
    p = &i; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'i' is kept in 'p'{{.*}}[escape-scope]
  return *p;
}

int ifInitVariable(int k) {
  int *p = nullptr;
  if (int c = k * 2; c > 0)
    p = &c; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'c' is kept in 'p'{{.*}}[escape-scope]
  return p ? *p : 0;
}

// The use is in the middle block, after the innermost one ended.
int middleBlock() {
  int r = 0;
  {
    int *p;
    {
      int a = 1;
      p = &a; // CHECK: scope.cpp:[[@LINE]]:7: warning: address of local 'a' is kept in 'p'{{.*}}[escape-scope]
    }
    r = *p;
  }
  return r;
}

int nestedUsedInside() {
  int r = 0;
  {
    int *p;
    {
      int a = 1;
      p = &a;
      r += *p;
    }
  }
  return r;
}

int throughCopy() {
  int *p, *q;
  {
    int a = 1;
    p = &a;
    q = p; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'a' is kept in 'q'{{.*}}[escape-scope]
  }
  return *q;
}

struct Link {
  int *v;
};
int throughField() {
  Link n;
  {
    int a = 1;
    n.v = &a; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'a' is kept in 'n'{{.*}}[escape-scope]
  }
  return *n.v;
}

int throughReference() {
  int *p;
  {
    int a = 1;
    int &r = a;
    p = &r; // CHECK: scope.cpp:[[@LINE]]:5: warning: address of local 'a' is kept in 'p'{{.*}}[escape-scope]
  }
  return *p;
}

// 'p' is pointed elsewhere before it is read again: no dangling use.
int reassignedBeforeUse() {
  int outer = 0;
  int *p = nullptr;
  {
    int inner = 1;
    p = &inner;
  }
  p = &outer;
  return *p;
}

// --- Known gaps ---------------------------------------------------------------

// The next iteration reads the previous iteration's 'v', which is dead.
// FIXME: missed; should be an escape-scope at 'prev = &v' ('v' dies at the end
// of each iteration and 'prev' is read in the next one).
int previousIteration() {
  int *prev = nullptr;
  int s = 0;
  for (int i = 0; i < 3; ++i) {
    int v = i;
    if (prev)
      s += *prev;
    prev = &v;
  }
  return s;
}
