// RUN: not %clang-escape --caret=false %s %S/Inputs/unlinked-in-other-unit-lib.cpp -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A local node linked into an object by direct stores and unlinked by a
// later call on that object (test/Escape/linked-then-unlinked.cpp), with
// the unlinking function defined in another unit (jsoncpp's
// JSONTEST_ASSERT_PRED and TestResult::popPredicateContext): the fields a
// function writes are known only from a body in the same unit, so the
// store stays definite here.

#include "Inputs/unlinked-in-other-unit.h"

struct Checker {
  Stack *stack_;
  bool check(const char *what) {
    Frame f{what, stack_->top};
    // FIXME (known false): a maybe once the fields a function writes are in
    // its summary.
    // CHECK: [[@LINE+1]]:5: warning: address of local 'f' {{.*}}
    stack_->top = &f;
    ++stack_->depth;
    bool ok = what != nullptr;
    stack_->pop();
    return ok;
  }
};
