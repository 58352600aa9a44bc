// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work handed to an executor that is then destroyed before the locals the
// work names die: `delete` of the executor (also one a free function finds
// itself, read again from the same thread_local or getter), or the end of a
// local executor (or of a local unique_ptr owning it) declared after them.
// When the executor's destructor runs the work it holds, or joins or waits
// on what runs it, destroying it waits for the work (marl's `delete
// scheduler`). The pools keep their work in a worker they never delete, so
// that the analysis sees it reach the heap without the wait.

#include <deque>
#include <functional>
#include <memory>
#include <thread>

struct Worker {
  std::deque<std::function<void()>> q;
  std::thread thread;
  void stop() { thread.join(); }
};

// Runs what it holds.
struct Pool {
  Worker *w = new Worker;
  void enqueue(std::function<void()> f) { w->q.push_back(std::move(f)); }
  ~Pool() {
    for (auto &f : w->q)
      f();
  }
  static Pool *get();
};

// Joins the thread that runs its work, through a method of the worker.
struct Joining {
  Worker *w = new Worker;
  void enqueue(std::function<void()> f) { w->q.push_back(std::move(f)); }
  ~Joining() { w->stop(); }
};

// Hands its work to a detached thread: destroying it does not wait.
struct Lazy {
  Worker *w = new Worker;
  void enqueue(std::function<void()> f) { w->q.push_back(std::move(f)); }
  ~Lazy() {
    std::thread([w = w] {
      for (auto &f : w->q)
        f();
    }).detach();
  }
};

thread_local Pool *bound = nullptr;
Pool *Pool::get() { return bound; }
void schedule(std::function<void()> f) { bound->enqueue(std::move(f)); }
void scheduleGot(std::function<void()> f) { Pool::get()->enqueue(f); }

int use(int &);

void deleted(Pool *p) {
  int counter = 0;
  p->enqueue([&counter] { use(counter); });
  delete p;
}

void deletedJoining(Joining *p) {
  int counter = 0;
  p->enqueue([&counter] { use(counter); });
  delete p;
}

// The thread-bound executor, reached again through the thread_local.
void deletedBound() {
  int counter = 0;
  schedule([&counter] { use(counter); });
  Pool *p = bound;
  bound = nullptr;
  delete p;
}

// ... or through the getter the free function uses.
void deletedGot() {
  int counter = 0;
  for (int i = 0; i < 3; i++)
    scheduleGot([&counter] { use(counter); });
  auto *p = Pool::get();
  delete p;
}

// A local unique_ptr owning the executor, declared after the locals the
// work names: it dies first.
void ownedDiesFirst() {
  int counter = 0;
  auto pool = std::make_unique<Joining>();
  pool->enqueue([&counter] { use(counter); });
}

// Deleted after the local died.
void deletedLater(Pool *p) {
  {
    int counter = 0;
    p->enqueue([&counter] { use(counter); });
    // CHECK: [[@LINE-1]]:5: warning: lambda expression captures local 'counter' by reference and outlives it (sink {*p->w}){{.*}}[escape-lambda-capture]
  }
  delete p;
}

// A return between the hand-off and the delete.
void exitBeforeDelete(Pool *p, bool c) {
  int counter = 0;
  p->enqueue([&counter] { use(counter); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}[escape-lambda-capture]
  if (c)
    return;
  delete p;
}

// Another executor deleted.
void otherDeleted(Pool *p, Pool *other) {
  int counter = 0;
  p->enqueue([&counter] { use(counter); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}[escape-lambda-capture]
  delete other;
}

// Not the executor the free function finds.
void otherThanBound(Pool *other) {
  int counter = 0;
  schedule([&counter] { use(counter); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}[escape-lambda-capture]
  delete other;
}

// A destructor that does not wait for the work.
void deletedLazy(Lazy *p) {
  int counter = 0;
  p->enqueue([&counter] { use(counter); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}[escape-lambda-capture]
  delete p;
}

// Declared before the local: it dies after it.
void ownedDiesLast() {
  auto pool = std::make_unique<Joining>();
  int counter = 0;
  pool->enqueue([&counter] { use(counter); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}[escape-lambda-capture]
}

void lazyDiesFirst() {
  int counter = 0;
  auto pool = std::make_unique<Lazy>();
  pool->enqueue([&counter] { use(counter); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}[escape-lambda-capture]
}
