// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,NOMODEL --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --no-config --models=%S/Inputs/handle-waits-model.json %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// Work handed to an executor returns a handle (a future). A wait on the
// handle, on one made from it (`.then`, `|`) or on one a later statement
// makes from it, before any exit, means the work has run: the work the
// handle still holds is not run again. Stored into a member, the handle
// may be waited on after the nested block that made it.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

struct State {
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
  std::function<void()> work, next;
};

std::deque<std::function<void()>> queue; // the pool's queue

template <class T> struct Future {
  std::shared_ptr<State> s;
  template <class F> Future then(F f) {
    s->next = f;
    return *this;
  }
  template <class F> Future operator|(F f) { return then(std::move(f)); }
  void wait() {
    std::unique_lock<std::mutex> l(s->m);
    s->cv.wait(l, [&] { return s->ready; });
  }
};

template <class F> Future<int> submit(F f) {
  auto s = std::make_shared<State>();
  s->work = f;
  queue.push_back([s] { s->work(); });
  return Future<int>{s};
}

template <class T> void await(Future<T> &&f) { f.wait(); }
template <class T> Future<T> copy(const Future<T> &f) { return f; }

struct Fixture {
  Future<int> sut;
  template <class F> void ready(F &&f) { await(std::forward<F>(f)); }
  template <class F> void completed(F &&f) { ready(std::forward<F>(f)); }

  void memberAwaited() {
    int n = 0;
    sut = submit([&n] { ++n; }) | [&n] { ++n; };
    completed(std::move(sut));
  }

  void nestedBlock() {
    int n = 0;
    {
      std::mutex m;
      std::lock_guard<std::mutex> g(m);
      sut = submit([&n] { ++n; });
    }
    await(copy(sut));
  }

  void derived() {
    int n = 0, r = 0;
    sut = submit([&n] { ++n; });
    auto f1 = sut.then([&r] { ++r; });
    f1.wait();
  }

  void otherAwaited(Future<int> other) {
    int n = 0;
    sut = submit([&n] { ++n; });
    // CHECK: :[[@LINE-1]]:5: warning: lambda expression captures local 'n' by reference and outlives it (sink {*this}.sut.s); 'n' dangles when 'Fixture::otherAwaited' returns
    // CHECK: :[[@LINE-2]]:11: warning: lambda expression captures local 'n' by reference and outlives it (sink {global queue}); 'n' dangles when 'Fixture::otherAwaited' returns
    await(std::move(other));
  }

  void replacedFirst(Future<int> other) {
    int n = 0;
    sut = submit([&n] { ++n; });
    // CHECK: :[[@LINE-1]]:5: warning: lambda expression captures local 'n' by reference and outlives it (sink {*this}.sut.s); 'n' dangles when 'Fixture::replacedFirst' returns
    // CHECK: :[[@LINE-2]]:11: warning: lambda expression captures local 'n' by reference and outlives it (sink {global queue}); 'n' dangles when 'Fixture::replacedFirst' returns
    sut = other;
    await(std::move(sut));
  }

  void innerLocal() {
    {
      int n = 0;
      sut = submit([&n] { ++n; });
    // CHECK: :[[@LINE-1]]:7: warning: lambda expression captures local 'n' by reference and outlives it (sink {*this}.sut.s); 'n' dangles when 'Fixture::innerLocal' returns
    // CHECK: :[[@LINE-2]]:13: warning: lambda expression captures local 'n' by reference and outlives it (sink {global queue}); 'n' dangles when 'Fixture::innerLocal' returns
    }
    await(std::move(sut));
  }
};

int localAwaited() {
  int n = 0;
  auto f = submit([&n] { ++n; }).then([&n] { ++n; });
  f.wait();
  return n;
}

Future<int> returned() {
  int n = 0;
  return submit([&n] { ++n; });
    // CHECK: :[[@LINE-1]]:3: warning: lambda expression captures local 'n' by reference and outlives it (sink ~r0); 'n' dangles when 'returned' returns
    // CHECK: :[[@LINE-2]]:10: warning: lambda expression captures local 'n' by reference and outlives it (sink {global queue}); 'n' dangles when 'returned' returns
}

// Handles in a container, made into one handle that is waited on.
template <class It> Future<int> join(It first, It) { return *first; }

int joined() {
  int n = 0;
  std::deque<Future<int>> fs{submit([&n] { ++n; }), submit([&n] { ++n; })};
  auto all = join(fs.begin(), fs.end());
  all.wait();
  return n;
}

// A library's own blocking function, declared only: a model says it waits.
void settle(Future<int> &f);

void modelWaits() {
  int n = 0;
  auto f = submit([&n] { ++n; }).then([&n] { ++n; });
  // NOMODEL: :[[@LINE-1]]:12: warning: lambda expression captures local 'n' by reference and outlives it (sink {global queue}); 'n' dangles when 'modelWaits' returns
  settle(f);
}

// A pointer's get() reads it: not a wait on what was stored through it.
struct Holder {
  int *p;
};
template <class T> struct Ref {
  T *p;
  T *operator->() const { return p; }
  T *get() const { return p; }
};
template <class T> Ref<T> makeRef(T *p) { return Ref<T>{p}; }
std::deque<std::shared_ptr<Holder>> kept;
std::deque<Ref<int>> refs;

void sharedGet() {
  int local = 0;
  auto sp = std::make_shared<Holder>(Holder{&local});
  kept.push_back(sp); // CHECK: :[[@LINE]]:3: warning: address of local 'local' is stored in global 'kept'
  (void)sp.get();
}

void refGet() {
  int local = 0;
  auto r = makeRef(&local);
  refs.push_back(r); // CHECK: :[[@LINE]]:3: warning: address of local 'local' is stored in global 'refs'
  (void)r.get();
}
