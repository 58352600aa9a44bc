// A task scheduler's pieces for the work-waited-by-* tests: a wait context
// with an atomic count, tasks queued in a global pool, and
// `executeAndWait(task, ctx)`, which spawns the task and runs the pool until
// the context is released.

#ifndef TASK_SCHEDULER_H
#define TASK_SCHEDULER_H

#include <atomic>

struct WaitContext {
  std::atomic<int> pending{1};
  void reserve(int n) { pending.fetch_add(n); }
  void release() { pending.fetch_sub(1); }
  bool done() const { return pending.load() == 0; }
};

struct Task {
  virtual void execute() = 0;
  virtual ~Task() = default;
  WaitContext *parent = nullptr;
};

Task *pool[64]; // the scheduler's queue, shared with worker threads
int pooled;

void spawn(Task &t) { pool[pooled++] = &t; }

// Runs tasks until the context is released; the loop's test reads the
// context's atomic count through its methods.
struct Waiter {
  WaitContext &ctx;
  bool keepGoing() const { return !ctx.done(); }
};

void dispatch(Waiter &w) {
  for (;;) {
    if (!w.keepGoing())
      break;
    if (pooled)
      pool[--pooled]->execute();
  }
}

// The wait is two calls down, through a local holding the context.
void executeAndWait(Task &t, WaitContext &ctx) {
  spawn(t);
  Waiter w{ctx};
  dispatch(w);
}

// Spawns only: nothing waits.
void enqueueOnly(Task &t, WaitContext &) { spawn(t); }

#endif
