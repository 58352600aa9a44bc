// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work queued on an object, then a later call of the same block, before any
// exit, on that object (or on the object it was made from) whose summary
// says it runs what the object holds: it takes each queued operation out and
// completes it (through a function pointer, a callable or a virtual call it
// then destroys), or joins the threads that do. The borrow of what was
// queued ends there (asio's `post(ioc, f); ioc.run();`). The queue is
// reached several calls deep, and the operations live in memory the context
// recycles, so only the later call's summary can tell.

#include <cstddef>
#include <deque>
#include <functional>
#include <new>
#include <thread>
#include <utility>
#include <vector>

struct Op {
  Op *next = nullptr;
  void (*func)(Op *) = nullptr;
  void complete() { func(this); }
};

template <class F> struct HandlerOp : Op {
  F f;
  explicit HandlerOp(F fn) : f(std::move(fn)) {
    func = [](Op *o) {
      auto *self = static_cast<HandlerOp *>(o);
      F g = std::move(self->f);
      self->~HandlerOp();
      ::operator delete(self);
      g();
    };
  }
};

struct Queue {
  Op *front_ = nullptr, *back_ = nullptr;
  Op *front() { return front_; }
  void push(Op *o) {
    if (back_)
      back_->next = o;
    else
      front_ = o;
    back_ = o;
  }
  void pop() {
    front_ = front_->next;
    if (!front_)
      back_ = nullptr;
  }
};

struct Scheduler {
  Queue ops_;
  bool stopped_ = false;
  void postOp(Op *o) { ops_.push(o); }
  bool runOne() {
    while (!stopped_) {
      if (Op *o = ops_.front()) {
        ops_.pop();
        o->complete();
        return true;
      }
      return false;
    }
    return false;
  }
  void run() {
    while (runOne()) {
    }
  }
};

struct Context {
  Scheduler &impl_ = *new Scheduler;
  void run() { impl_.run(); }
  void restart() { impl_.stopped_ = false; }
  bool stopped() const { return impl_.stopped_; }
};

struct Executor {
  Context *ctx;
  template <class F> void execute(F f) const {
    void *mem = ::operator new(sizeof(HandlerOp<F>));
    ctx->impl_.postOp(new (mem) HandlerOp<F>(std::move(f)));
  }
};

template <class F> void initiate(Executor ex, F f) { ex.execute(std::move(f)); }
template <class F> void post(Context &ctx, F f) {
  initiate(Executor{&ctx}, std::move(f));
}

// A stream whose operations complete on its context.
struct Stream {
  Context &ctx;
  explicit Stream(Context &c) : ctx(c) {}
};
template <class F> void asyncRead(Stream &s, F f) { post(s.ctx, std::move(f)); }

// A pool whose drain() joins the thread that runs its work.
struct Pool {
  std::deque<std::function<void()>> &work_ =
      *new std::deque<std::function<void()>>;
  std::thread thread_;
  void post(std::function<void()> f) { work_.push_back(std::move(f)); }
  void stop() { thread_.join(); }
  void drain() { stop(); }
};

// The operations of the reproducer: a deque of pointers, a virtual call, an
// explicit destructor and the memory given back to a per-thread cache.
struct OpBase {
  virtual ~OpBase() = default;
  virtual void call() = 0;
};
template <class F> struct VOp : OpBase {
  F f;
  explicit VOp(F fn) : f(std::move(fn)) {}
  void call() override { f(); }
};
thread_local void *cached = nullptr;
inline void recycle(void *m) {
  if (!cached)
    cached = m;
  else
    ::operator delete(m);
}
struct Loop {
  std::deque<OpBase *> &q_ = *new std::deque<OpBase *>;
  void run() {
    while (!q_.empty()) {
      OpBase *o = q_.front();
      q_.pop_front();
      o->call();
      o->~OpBase();
      recycle(o);
    }
  }
};
template <class F> void post(Loop &l, F f) {
  l.q_.push_back(new (::operator new(sizeof(VOp<F>))) VOp<F>(std::move(f)));
}

// A bus that calls its listeners and keeps them.
struct Bus {
  std::vector<std::function<void()>> &listeners_ =
      *new std::vector<std::function<void()>>;
  void subscribe(std::function<void()> f) {
    listeners_.push_back(std::move(f));
  }
  void notify() {
    for (auto &f : listeners_)
      f();
  }
};

int use(int &);

// Run before the local dies.
int ran() {
  Context ioc;
  int count = 0;
  post(ioc, [&count] { use(count); });
  bool before = ioc.stopped();
  ioc.run();
  return count + before;
}

// Through a stream made from the context.
void ranThroughStream() {
  Context ioc;
  Stream s(ioc);
  int length = 0;
  asyncRead(s, [&length] { use(length); });
  ioc.restart();
  ioc.run();
}

// The pool joins the thread that runs its work.
void drained() {
  Pool pool;
  int count = 0;
  pool.post([&count] { use(count); });
  pool.drain();
}

// The reproducer's loop: each operation taken out, called, destroyed.
void ranRecycled() {
  Loop loop;
  int count = 0;
  post(loop, [p = &count] { use(*p); });
  loop.run();
}

// A bound handler: a class with a template operator().
void inc(int *);
void ranBound() {
  Context ioc;
  int count = 0;
  post(ioc, std::bind(inc, &count));
  ioc.run();
}

// A later call that does not run the queue.
void restartedOnly() {
  Context ioc;
  int count = 0;
  post(ioc, [&count] { use(count); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'count' by reference{{.*}}[escape-lambda-capture]
  ioc.restart();
}

// No later call.
void neverRun() {
  Context ioc;
  int count = 0;
  post(ioc, [&count] { use(count); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'count' by reference{{.*}}[escape-lambda-capture]
}

void boundNeverRun() {
  Context ioc;
  int count = 0;
  post(ioc, std::bind(inc, &count));
  // CHECK: [[@LINE-1]]:3: warning: address of local 'count' escapes to the heap{{.*}}[escape-heap]
}

// A return between the hand-off and the run.
void returnsBeforeRun(bool c) {
  Context ioc;
  int count = 0;
  post(ioc, [&count] { use(count); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'count' by reference{{.*}}[escape-lambda-capture]
  if (c)
    return;
  ioc.run();
}

// Another context run.
void otherRun(Context &other) {
  Context ioc;
  int count = 0;
  post(ioc, [&count] { use(count); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'count' by reference{{.*}}[escape-lambda-capture]
  other.run();
}

// Listeners called in place stay subscribed.
void notified() {
  Bus bus;
  int count = 0;
  bus.subscribe([&count] { use(count); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'count' by reference{{.*}}[escape-lambda-capture]
  bus.notify();
}

// Queued in a nested block whose local dies before the run.
void nestedDiesFirst() {
  Context ioc;
  {
    int count = 0;
    post(ioc, [&count] { use(count); });
    // CHECK: [[@LINE-1]]:5: warning: lambda expression captures local 'count' by reference{{.*}}[escape-lambda-capture]
  }
  ioc.run();
}
