// A range-for over a variable whose type is not declared (an editor's
// everyday buffer): error recovery leaves parts of the loop without a type.
// Clang's error, the partial-findings message, and no crash.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=crashed
#include <vector>

int *get(std::vector<int> &container) {
  Sequence seq(container); // CHECK: error: unknown type name 'Sequence'
  for (auto &r : seq)
    return &r;
  return nullptr;
}
// CHECK: clang-escape: error: 1 file(s) did not compile cleanly; their findings are partial
