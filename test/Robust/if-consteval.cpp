// RUN: not %clang-escape --caret=false %s -- -std=c++23 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

// `if consteval` has no condition. At run time only the branch for
// ordinary evaluation runs: its escapes are reported, the other's are not.

constexpr bool isConstantEvaluated() noexcept {
  if consteval {
    return true;
  } else {
    return false;
  }
}

int *g;

void runtimeBranch() {
  int x = 0;
  if consteval {
    g = nullptr;
  } else {
    g = &x; // CHECK: if-consteval.cpp:[[@LINE]]:5: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
  }
}

void negated() {
  int y = 0;
  if !consteval {
    g = &y; // CHECK: if-consteval.cpp:[[@LINE]]:5: warning: address of local 'y' is stored in global 'g'{{.*}}[escape-global]
  }
}

void compileTimeBranchOnly() {
  int z = 0;
  if consteval {
    g = &z;
  }
}

int use() { return isConstantEvaluated() ? 1 : 2; }
