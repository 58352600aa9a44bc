// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A branch whose condition is known at compile time and false never runs:
// the pre-C++17 spelling of `if constexpr` in templates.

int *g;

void *gv;
template <typename T> struct isSmall {
  static constexpr bool value = sizeof(T) <= 1;
};

template <typename T> void keepIfSmall(T *p) {
  if (isSmall<T>::value)
    gv = p;
}

void deadBranch() {
  int x = 0;
  keepIfSmall(&x); // not reported: the store is dead for int
}

void liveBranch() {
  char c = 0;
  keepIfSmall(&c); // CHECK: constant-conditions.cpp:[[@LINE]]:3: warning: address of local 'c' is stored in global 'gv'{{.*}}[escape-global]
}

void elseBranch(bool b) {
  int x = 0;
  if (sizeof(int) == 1)
    return;
  else
    g = &x; // CHECK: constant-conditions.cpp:[[@LINE]]:5: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

// A condition that is not a constant keeps both branches.
void unknownCondition(bool b) {
  int x = 0;
  if (b && sizeof(int) == 4)
    g = &x; // CHECK: constant-conditions.cpp:[[@LINE]]:5: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}
