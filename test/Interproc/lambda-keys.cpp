// A lambda is keyed by its linkage name, numbered in its enclosing
// function, not by its position (a line inserted above it keeps its key:
// link-state-lambda.test). Two lambdas of one function stay two functions,
// and so do the lambdas of two static functions of one name in two files.
// RUN: not %clang-escape --caret=false %s %S/Inputs/lambda-keys-other.cpp -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false %S/Inputs/lambda-keys-other.cpp %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

int *g;
static void run() {
  int x = 0;
  auto f = [&] { g = &x; };
  f(); // CHECK-DAG: lambda-keys.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference
}
void a() { run(); }

void two() {
  int kept = 0, seen = 0;
  auto keep = [&] { g = &kept; };
  auto look = [&] { int *p = &seen; (void)p; };
  keep(); // CHECK-DAG: lambda-keys.cpp:[[@LINE]]:3: warning: lambda expression captures local 'kept' by reference
  look();
}
