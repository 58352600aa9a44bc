// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE --implicit-check-not=warning:

// Found in google/leveldb (db/db_impl.cc, DBImpl::Write): a writer registers
// the address of its stack 'Writer' in a member queue, and the entry is popped
// before the function returns. Callers passing '&batch' (DB::Put, DB::Delete,
// tests calling db->Write(&batch)) are reported through the same summary.

#include <deque>
#include <vector>

struct Writer {
  const int *batch;
  bool done;
};

struct Queue {
  std::vector<int *> stack_;
  std::deque<Writer *> writers_;

  // A pointer stored and never removed: reported, correctly.
  void pushOnly(int v) {
    int w = v;
    stack_.push_back(&w); // CHECK: container-register-then-pop.cpp:[[@LINE]]:5: warning: address of local 'w' is stored into *this, which outlives it; 'w' dangles when 'Queue::pushOnly' returns [escape-member]
  }

  // Not reported by default: the element pushed is popped again (LIFO) on
  // every path before 'w' dies; 'stack_' never holds '&w' after the return.
  // Which element a pop removes is not tracked, so the rule is a heuristic
  // and its claim a maybe, never a definite "does not escape".
  int pushThenPopBack(int v) {
    int w = v;
    stack_.push_back(&w); // MAYBE: container-register-then-pop.cpp:[[@LINE]]:5: warning: address of local 'w' is stored into *this, which outlives it; 'w' dangles when 'Queue::pushThenPopBack' returns (maybe: rests on a conservative assumption) [escape-member]
    int r = *stack_.back();
    stack_.pop_back();
    return r;
  }

  // leveldb's shape. '&w' is appended, the function waits until it is at the
  // front, then pops up to and including it (or another writer popped it and
  // set 'done'). Proving it needs the queue discipline: the same container
  // is popped later in the function, so the store is only a maybe.
  int write(const int *batch) {
    Writer w{batch, false};
    writers_.push_back(&w); // MAYBE: container-register-then-pop.cpp:[[@LINE]]:5: warning: address of local 'w' is stored into *this, which outlives it; 'w' dangles when 'Queue::write' returns (maybe{{.*}}[escape-member]
    if (w.done)
      return 0;
    Writer *last = &w;
    while (true) {
      Writer *ready = writers_.front();
      writers_.pop_front();
      if (ready != &w)
        ready->done = true;
      if (ready == last)
        break;
    }
    return *batch;
  }
};

// Through the summary of 'Queue::write' above: 'batch' is only reachable
// from 'w' while 'w' is queued; a maybe.
int put(Queue &q) {
  int batch = 1;
  return q.write(&batch); // MAYBE: container-register-then-pop.cpp:[[@LINE]]:10: warning: address of local 'batch' is stored into the object parameter 'q' refers to{{.*}}(maybe{{.*}}[escape-member]
}

// A pop of another container does not count.
struct TwoQueues {
  std::deque<int *> a_, b_;
  void pushA() {
    int x = 0;
    a_.push_back(&x); // CHECK: container-register-then-pop.cpp:[[@LINE]]:5: warning: address of local 'x' is stored into *this, which outlives it; 'x' dangles when 'TwoQueues::pushA' returns [escape-member]
    b_.pop_front();
  }
  // Nor does a pop before the push.
  void popThenPush() {
    int x = 0;
    a_.pop_front();
    a_.push_back(&x); // CHECK: container-register-then-pop.cpp:[[@LINE]]:5: warning: address of local 'x' is stored into *this, which outlives it; 'x' dangles when 'TwoQueues::popThenPush' returns [escape-member]
  }
};
