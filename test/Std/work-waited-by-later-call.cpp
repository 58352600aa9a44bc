// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// Work spawned, then a later call of the block given a wait context that
// both its own task and the spawned one hold, and whose callee spins until
// the context says done: oneTBB's parallel_invoke of two functions
// (`spawn(invoker1, ctx); execute_and_wait(invoker2, ctx, root_wait_ctx,
// ctx);`, both invokers holding `root`, which holds the caller's wait
// context). The spawned work is waited for when that call returns.

#include "Inputs/task-scheduler.h"

struct Root {
  WaitContext &ctx;
  explicit Root(WaitContext &c) : ctx(c) {}
  void release() { ctx.release(); }
};

template <class F> struct Invoker : Task {
  const F &f;
  Root &root;
  Invoker(const F &f, Root &r) : f(f), root(r) {}
  void execute() override {
    f();
    root.release();
  }
};

// The context is the caller's (a reference parameter); each invoker holds
// it through `root`.
template <class F1, class F2>
void invokeTwo(WaitContext &ctx, const F1 &f1, const F2 &f2) {
  ctx.reserve(2);
  Root root(ctx);
  Invoker<F1> i1(f1, root);
  Invoker<F2> i2(f2, root);
  spawn(i1);
  executeAndWait(i2, ctx);
}

// The later call only queues its own task: nothing waits.
template <class F1, class F2>
void invokeNoWait(WaitContext &ctx, const F1 &f1, const F2 &f2) {
  Root root(ctx);
  Invoker<F1> i1(f1, root);
  Invoker<F2> i2(f2, root);
  spawn(i1); // CHECK-DAG: :[[@LINE]]:3: warning: address of local 'i1' is stored in global 'pool'
  enqueueOnly(i2, ctx); // CHECK-DAG: :[[@LINE]]:3: warning: address of local 'i2' is stored in global 'pool'
}
// CHECK-DAG: :[[@LINE-3]]:3: warning: address of local 'root' is stored in global 'pool'

// The spawned task holds another context than the one waited on.
template <class F1, class F2>
void invokeOther(WaitContext &ctx, WaitContext &other, const F1 &f1,
                 const F2 &f2) {
  Root root(ctx), elsewhere(other);
  Invoker<F1> i1(f1, elsewhere);
  Invoker<F2> i2(f2, root);
  spawn(i1); // CHECK-DAG: :[[@LINE]]:3: warning: address of local 'i1' is stored in global 'pool'
  executeAndWait(i2, ctx);
}
// CHECK-DAG: :[[@LINE-3]]:3: warning: address of local 'elsewhere' is stored in global 'pool'

void waited() {
  int a = 0, b = 0;
  WaitContext ctx;
  invokeTwo(ctx, [&] { ++a; }, [&] { ++b; });
}

void notWaited() {
  int a = 0;
  WaitContext ctx;
  invokeNoWait(ctx, [&] { ++a; }, [] {}); // CHECK-DAG: :[[@LINE]]:3: warning: lambda expression captures local 'a' by reference and outlives it
}
// CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'ctx' is stored in global 'pool'
// CHECK-DAG: :[[@LINE-3]]:3: warning: temporary '(lambda at {{.*}}:[[@LINE-3]]:21)' is stored in global 'pool'
// CHECK-DAG: :[[@LINE-4]]:3: warning: temporary '(lambda at {{.*}}:[[@LINE-4]]:35)' is stored in global 'pool'

void waitedOnOther() {
  int a = 0;
  WaitContext ctx, other;
  invokeOther(ctx, other, [&] { ++a; }, [] {}); // CHECK-DAG: :[[@LINE]]:3: warning: lambda expression captures local 'a' by reference and outlives it
}
// CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'other' is stored in global 'pool'
// CHECK-DAG: :[[@LINE-3]]:3: warning: temporary '(lambda at {{.*}}:[[@LINE-3]]:27)' is stored in global 'pool'
