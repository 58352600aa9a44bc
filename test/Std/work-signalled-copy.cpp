// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A wait group, event or ticket whose copies share one state (the class
// holds only a shared_ptr to its counter): the work gets a copy, signals it
// after its last use of what it captured by reference, and the caller waits
// on its own copy. Every copy is the same wait.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

class WaitGroup {
public:
  explicit WaitGroup(unsigned n = 0) : data(std::make_shared<Data>()) {
    data->count = n;
  }
  void done() const {
    std::lock_guard<std::mutex> l(data->m);
    if (--data->count == 0)
      data->cv.notify_all();
  }
  void wait() const {
    std::unique_lock<std::mutex> l(data->m);
    data->cv.wait(l, [this] { return data->count == 0; });
  }

private:
  struct Data {
    unsigned count = 0;
    std::mutex m;
    std::condition_variable cv;
  };
  std::shared_ptr<Data> data;
};

// An event through a base class and a raw pointer to shared state.
struct EventState;
struct EventBase {
  EventState *state;
};
struct Event : EventBase {
  void signal() const;
  void wait() const;
};

// A counter held by value: a copy is another counter.
struct Countdown {
  int left = 1;
  void done() { --left; }
  void wait();
};

struct Executor {
  std::deque<std::function<void()>> q;
  void schedule(std::function<void()> f) { q.push_back(std::move(f)); }
};

int use(int &);

void waitGroupCopied(Executor &ex) {
  int value = 0;
  WaitGroup wg(1);
  ex.schedule([&value, wg] {
    use(value);
    wg.done();
  });
  wg.wait();
}

void eventInitCaptured(Executor &ex, Event made) {
  int value = 0;
  Event ev = made;
  ex.schedule([&value, e = ev] {
    use(value);
    e.signal();
  });
  ev.wait();
}

void countdownCopied(Executor &ex) {
  int value = 0;
  Countdown c;
  ex.schedule([&value, c]() mutable {
    use(value);
    c.done();
  });
  // CHECK: [[@LINE-4]]:3: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  c.wait();
}

// The work is not given the wait group.
void waitGroupNotGiven(Executor &ex) {
  int value = 0;
  WaitGroup wg(1);
  ex.schedule([&value] { use(value); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  wg.wait();
}
