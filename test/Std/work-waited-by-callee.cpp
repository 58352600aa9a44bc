// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// Work handed to a function together with a local that the work holds and
// signals when it is done (a wait context, a counter), where the function
// itself spins until that local says so: a task scheduler's
// `execute_and_wait(task, ctx)`. The work is waited for when the call
// returns, whatever the scheduler kept of it.

#include "Inputs/task-scheduler.h"

template <class F> struct FnTask : Task {
  F f;
  explicit FnTask(const F &f) : f(f) {}
  void execute() override {
    f();
    WaitContext *p = parent;
    delete this;
    p->release();
  }
};

// A spin on a counter the work counts down.
template <class F> void spinOnAtomic(const F &f, std::atomic<int> &left) {
  spawn(*new FnTask<F>(f));
  while (left.load() > 0) {
  }
}

// A loop over a parameter whose test is not atomic state is no wait.
template <class F> void spinOnPlain(const F &f, int &left) {
  spawn(*new FnTask<F>(f));
  while (left > 0)
    --left;
}

template <class F> void runAndWait(const F &f) {
  auto *t = new FnTask<F>(f);
  WaitContext ctx;
  t->parent = &ctx;
  executeAndWait(*t, ctx);
}

template <class F> void runNoWait(const F &f) {
  auto *t = new FnTask<F>(f);
  WaitContext ctx;
  t->parent = &ctx;
  enqueueOnly(*t, ctx); // CHECK-DAG: :[[@LINE]]:3: warning: address of local 'ctx' is stored in global 'pool'
}

// The task does not hold the context: the wait says nothing about it.
template <class F> void runOther(const F &f) {
  auto *t = new FnTask<F>(f);
  WaitContext ctx, other;
  t->parent = &other;
  executeAndWait(*t, ctx); // CHECK-DAG: :[[@LINE]]:3: warning: address of local 'other' is stored in global 'pool'
}

void waited() {
  int counter = 0;
  runAndWait([&] { ++counter; });
}

void notWaited() {
  int counter = 0;
  runNoWait([&] { ++counter; }); // CHECK-DAG: :[[@LINE]]:3: warning: lambda expression captures local 'counter' by reference and outlives it
}

void waitedOnOther() {
  int counter = 0;
  runOther([&] { ++counter; }); // CHECK-DAG: :[[@LINE]]:3: warning: lambda expression captures local 'counter' by reference and outlives it
}

void countedDown() {
  int counter = 0;
  std::atomic<int> left{1};
  spinOnAtomic([&] { ++counter; left.fetch_sub(1); }, left);
}

void countedPlain() {
  int counter = 0, left = 1;
  spinOnPlain([&] { ++counter; --left; }, left); // CHECK-DAG: :[[@LINE]]:3: warning: lambda expression captures local 'counter' by reference and outlives it
}
// CHECK-DAG: :[[@LINE-2]]:3: warning: lambda expression captures local 'left' by reference and outlives it
