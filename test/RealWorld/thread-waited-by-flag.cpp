// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in google/leveldb (db/db_test.cc, DBTest.MultiThreaded, and
// db/skiplist_test.cc, RunConcurrent): threads are started detached
// (Env::StartThread) or work is queued to a background thread
// (Env::Schedule), with the address of local state; the function then waits
// until every thread has set its 'done' flag (or the state has reached DONE
// under a mutex) before returning.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

struct State {
  std::atomic<bool> done{false};
  int counter = 0;
};

void body(State *s) {
  ++s->counter;
  s->done.store(true, std::memory_order_release);
}

// The detached thread's last access to 's' is the store of 'done', and the
// function does not return before it sees it: spinning on a local whose
// address the work was given ends the borrow (not even a maybe).
void detachedThenWaited() {
  State s;
  std::thread(body, &s).detach();
  while (!s.done.load(std::memory_order_acquire))
    std::this_thread::yield();
}

// Not waited for: reported, correctly.
void detachedNotWaited() {
  State s;
  std::thread(body, &s).detach(); // CHECK: thread-waited-by-flag.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 's' is handed to a thread that may outlive it{{.*}}[escape-thread]
}

// Waiting on a condition variable of the local the thread was given.
struct Flagged {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
};
void signal(Flagged *f) {
  std::lock_guard<std::mutex> l(f->mu);
  f->done = true;
  f->cv.notify_one();
}
void detachedThenCondition() {
  Flagged f;
  std::thread(signal, &f).detach();
  std::unique_lock<std::mutex> l(f.mu);
  f.cv.wait(l, [&] { return f.done; });
}

// Joined: not reported.
void joined() {
  State s;
  std::thread t(body, &s);
  t.join();
}

// leveldb's Env::Schedule: a queue drained by a background thread.
struct Env {
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<void (*)(void *), void *>> queue_;
  void schedule(void (*fn)(void *), void *arg) {
    std::lock_guard<std::mutex> l(mu_);
    queue_.emplace_back(fn, arg);
    cv_.notify_one();
  }
};
Env *defaultEnv();

struct TestState {
  std::mutex mu;
  std::condition_variable cv;
  bool finished = false;
};
void reader(void *arg) {
  auto *st = static_cast<TestState *>(arg);
  std::lock_guard<std::mutex> l(st->mu);
  st->finished = true;
  st->cv.notify_all();
}

// The function waits for 'finished', set under the mutex by the queued work
// as its last access, on the condition variable of the local it gave the
// work: the borrow ends at the wait, even though the queue is an object the
// analysis cannot see ('defaultEnv()' has no body).
void scheduledThenWaited() {
  TestState state;
  defaultEnv()->schedule(reader, &state);
  std::unique_lock<std::mutex> l(state.mu);
  state.cv.wait(l, [&] { return state.finished; });
}

// Not waiting: the same hand-off is reported.
void scheduledNotWaited() {
  TestState state;
  defaultEnv()->schedule(reader, &state); // CHECK: thread-waited-by-flag.cpp:[[@LINE]]:3: warning: address of local 'state' {{.*}}[escape-
}
