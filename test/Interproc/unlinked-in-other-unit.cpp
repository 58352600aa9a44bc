// RUN: not %clang-escape --caret=false %s %S/Inputs/unlinked-in-other-unit-lib.cpp -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s %S/Inputs/unlinked-in-other-unit-lib.cpp -- -std=c++17 | FileCheck %s --check-prefix=MAYBE
// Alone, the callee's body is not known: the store stays.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --check-prefix=ALONE

// A local node linked into an object by direct stores and unlinked by a
// later call on that object (test/Escape/linked-then-unlinked.cpp), with
// the unlinking function defined in another unit (jsoncpp's
// JSONTEST_ASSERT_PRED and TestResult::popPredicateContext): the caller
// records the member and the call, and the link decides from the fields
// the callee writes (its summary).

#include "Inputs/unlinked-in-other-unit.h"

struct Checker {
  Stack *stack_;
  bool check(const char *what) {
    Frame f{what, stack_->top};
    // MAYBE: [[@LINE+3]]:5: warning: address of local 'f' {{.*}}
    // MAYBE: [[@LINE+5]]:5: note: may be taken back by: stack_->pop()
    // ALONE: [[@LINE+1]]:5: warning: address of local 'f' {{.*}}
    stack_->top = &f;
    ++stack_->depth;
    bool ok = what != nullptr;
    stack_->pop();
    return ok;
  }
  // A call that only reads, or writes another member, unlinks nothing.
  bool checkSize(const char *what) {
    Frame f{what, stack_->top};
    // CHECK: [[@LINE+1]]:5: warning: address of local 'f' {{.*}}
    stack_->top = &f;
    return stack_->size() > 0;
  }
  bool checkCount(const char *what) {
    Frame f{what, stack_->top};
    // CHECK: [[@LINE+1]]:5: warning: address of local 'f' {{.*}}
    stack_->top = &f;
    stack_->count();
    return true;
  }
};
