// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// The arms of `?:` that can give the value: not the one a constant
// condition never takes (`kTrue ? num : f(&local)`), nor one that calls a
// function that never returns.

int *f(int *p [[clang::lifetimebound]]);
[[noreturn]] int *fail(int *p [[clang::lifetimebound]]);
[[noreturn]] void abortNow();

constexpr bool kTrue = true;
constexpr bool kFalse = false;

int *constantTrue(int *num) {
  int local = 0;
  return kTrue ? num : f(&local);
}

int *constantNested(int *num) {
  int local = 0;
  return kTrue ? (kTrue ? num : f(&local)) : num;
}

int *constantFalse(int *num) {
  int local = 0;
  return kFalse ? num : f(&local); // CHECK: conditional-arm-never-taken.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

int *liveNested(int *num) {
  int local = 0;
  return kTrue ? (kFalse ? num : f(&local)) : num; // CHECK: conditional-arm-never-taken.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

int *noReturnArm(bool c, int *num) {
  int local = 0;
  return c ? num : fail(&local);
}

int *runtimeCondition(bool c, int *num) {
  int local = 0;
  return c ? num : f(&local); // CHECK: conditional-arm-never-taken.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

template <bool Debug> int *chosen(int *num) {
  int local = 0;
  return Debug ? &local : num; // CHECK: conditional-arm-never-taken.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}
int *useChosen(int *num) { return chosen<false>(num) + (chosen<true>(num) - num); }
