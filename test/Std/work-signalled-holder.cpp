// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work that holds the address of a local of the caller, given it when the
// work was built (`Op op{loop}; start(op);`), followed in the same block by
// a call on that local that waits on its own state or runs what it holds
// (an event loop's `run()`, a spin on a wait counter): the caller does not
// go on before the work said it was done.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

struct Work {
  virtual void execute() = 0;
};

std::deque<Work *> queue; // drained by another thread

void enqueue(Work *w) { queue.push_back(w); }

// An event loop whose run() returns once stop() was called.
struct Loop {
  std::mutex m;
  std::condition_variable cv;
  bool stopped = false;
  void run() {
    std::unique_lock<std::mutex> lock(m);
    while (!stopped)
      cv.wait(lock);
  }
  void stop() {
    std::lock_guard<std::mutex> lock(m);
    stopped = true;
    cv.notify_all();
  }
};

// A loop whose run() neither waits nor runs anything.
struct Counter {
  int runs = 0;
  void run() { ++runs; }
};

template <class L> struct Op : Work {
  L &loop;
  int *value;
  Op(L &loop, int *value) : loop(loop), value(value) {}
  void execute() override { ++*value; }
};

struct Receiver {
  Loop &loop;
  int *value;
};

template <class L> struct start_fn {
  void operator()(Op<L> &op) const { enqueue(&op); }
};
inline constexpr start_fn<Loop> start{};
inline constexpr start_fn<Counter> startCounted{};

void loopRun() {
  int value = 0;
  Loop loop;
  Op<Loop> op(loop, &value);
  start(op);
  loop.run();
}

void loopRunNested() {
  int value = 0;
  Loop loop;
  {
    Op<Loop> op(loop, &value);
    start(op);
    loop.run();
  }
}

// A Work holding the loop through an aggregate member.
struct Linked : Work {
  Receiver r;
  explicit Linked(Receiver r) : r(r) {}
  void execute() override { r.loop.stop(); }
};

void aggregateReceiver() {
  int value = 0;
  Loop loop;
  Linked l(Receiver{loop, &value});
  enqueue(&l);
  loop.run();
}

// A wait counter spun on.
struct Waiter : Work {
  std::atomic<int> &pending;
  explicit Waiter(std::atomic<int> &pending) : pending(pending) {}
  void execute() override { --pending; }
};

void spun() {
  std::atomic<int> pending = 1;
  Waiter w(pending);
  enqueue(&w);
  while (pending.load() != 0) {
  }
}

// A latch of the program's own, waited on by name.
struct Latch {
  void countDown();
  void wait();
};

struct Node : Work {
  Latch &done;
  explicit Node(Latch &done) : done(done) {}
  void execute() override { done.countDown(); }
};

void latchWaited() {
  Latch done;
  Node n(done);
  enqueue(&n);
  done.wait();
}

// Positives.

void runDoesNotWait() {
  int value = 0;
  Counter counter;
  Op<Counter> op(counter, &value);
  startCounted(op);
  // CHECK-DAG: :[[@LINE-1]]:3: warning: address of local 'op' is stored in global 'queue' (via 'start_fn<Counter>::operator()'); 'op' dangles when 'runDoesNotWait' returns
  // CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'counter' is stored in global 'queue'
  // CHECK-DAG: :[[@LINE-3]]:3: warning: address of local 'value' is stored in global 'queue'
  counter.run();
}

void loopNotHeld() {
  int value = 0;
  Loop loop, other;
  Op<Loop> op(other, &value);
  start(op);
  // CHECK-DAG: :[[@LINE-1]]:3: warning: address of local 'op' is stored in global 'queue' (via 'start_fn<Loop>::operator()'); 'op' dangles when 'loopNotHeld' returns
  // CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'other' is stored in global 'queue'
  // CHECK-DAG: :[[@LINE-3]]:3: warning: address of local 'value' is stored in global 'queue'
  loop.run();
}

void returnsBeforeRun(bool early) {
  int value = 0;
  Loop loop;
  Op<Loop> op(loop, &value);
  start(op);
  // CHECK-DAG: :[[@LINE-1]]:3: warning: address of local 'op' is stored in global 'queue' (via 'start_fn<Loop>::operator()'); 'op' dangles when 'returnsBeforeRun' returns
  // CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'loop' is stored in global 'queue'
  // CHECK-DAG: :[[@LINE-3]]:3: warning: address of local 'value' is stored in global 'queue'
  if (early)
    return;
  loop.run();
}

void notSpun() {
  std::atomic<int> pending = 1;
  Waiter w(pending);
  enqueue(&w);
  // CHECK-DAG: :[[@LINE-1]]:3: warning: address of local 'w' is stored in global 'queue' (via 'enqueue'); 'w' dangles when 'notSpun' returns
  // CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'pending' is stored in global 'queue'
}

// A member's get() reads a wrapper; it does not wait.
template <class T> struct Box {
  T v;
  T &get() { return v; }
};
struct State {
  Box<int> value;
};
struct Held : Work {
  State &state;
  explicit Held(State &state) : state(state) {}
  void execute() override { state.value.v = 1; }
};

int memberGetIsNoWait() {
  State state;
  Held h(state);
  enqueue(&h);
  // CHECK-DAG: :[[@LINE-1]]:3: warning: address of local 'h' is stored in global 'queue' (via 'enqueue'); 'h' dangles when 'memberGetIsNoWait' returns
  // CHECK-DAG: :[[@LINE-2]]:3: warning: address of local 'state' is stored in global 'queue'
  return state.value.get();
}
