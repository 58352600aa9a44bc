// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// `if (std::is_constant_evaluated())` (or its builtin) is false whenever the
// code runs: the branch for constant evaluation never runs at run time, as
// with `if consteval`, and what it does with an address is no escape.

#include <type_traits>

int *kept;

constexpr int pick(int v) {
  int local = v;
  if (std::is_constant_evaluated()) {
    if (v < 0)
      kept = &local; // only in constant evaluation: never at run time
    return v;
  }
  return local;
}

constexpr int pickBuiltin(int v) {
  int local = v;
  if (__builtin_is_constant_evaluated()) {
    if (v < 0)
      kept = &local;
    return v;
  }
  return local + 1;
}

// The branch that runs at run time does escape.
constexpr int runTime(int v) {
  int local = v;
  if (!std::is_constant_evaluated())
    kept = &local; // CHECK: :[[@LINE]]:5: warning: address of local 'local' is stored in global 'kept'; 'local' dangles when 'runTime' returns [escape-global]
  return v;
}

constexpr int elseRuns(int v) {
  int local = v;
  if (std::is_constant_evaluated())
    return v;
  else
    kept = &local; // CHECK: :[[@LINE]]:5: warning: address of local 'local' is stored in global 'kept'; 'local' dangles when 'elseRuns' returns [escape-global]
  return v;
}

int use(int v) { return pick(v) + pickBuiltin(v) + runTime(v) + elseRuns(v); }
