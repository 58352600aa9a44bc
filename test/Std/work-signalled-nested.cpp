// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// Work handed to an executor that starts more work of its own (a
// continuation kept by a library until a job ends), where the last
// continuation sets the signal the caller then waits on: the caller does not
// go on before the work it started has used its locals. That is the
// program's word, not a proof (the work could start something that does not
// signal), so what the work keeps is a maybe, shown with --report-maybe.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <latch>
#include <mutex>

struct Executor {
  std::deque<std::function<void()>> q;
  void schedule(std::function<void()> f) { q.push_back(std::move(f)); }
  void wait();
};

// Continuations live in the event loop, which outlives every caller.
struct Loop {
  std::deque<std::function<void()>> pending;
};
Loop &loop();

struct Job {
  void then(std::function<void()> k) { loop().pending.push_back(std::move(k)); }
};

int use(int &);

void spunOnFlagSetByContinuation(Executor &ex) {
  int value = 0;
  std::atomic<bool> done(false);
  ex.schedule([&value, &done] {
    Job j;
    j.then([&value, &done] {
      use(value);
      done = true;
    });
  });
  // MAYBE: [[@LINE-7]]:15: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}(maybe: {{.*}}[escape-lambda-capture]
  // MAYBE: [[@LINE-8]]:15: warning: lambda expression captures local 'done' by reference and outlives it{{.*}}(maybe: {{.*}}[escape-lambda-capture]
  while (!done) {
  }
}

void latchCountedByContinuation(Executor &ex) {
  int value = 0;
  std::latch finished(1);
  ex.schedule([&value, &finished] {
    Job j;
    j.then([&value, &finished] {
      use(value);
      finished.count_down();
    });
  });
  finished.wait();
}
// MAYBE: work-signalled-nested.cpp:[[@LINE-9]]:15: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}(maybe: {{.*}}[escape-lambda-capture]

// Waiting for the executor's queue says nothing about the continuation the
// work left in the loop.
void executorWaitedContinuationNot(Executor &ex) {
  int value = 0;
  ex.schedule([&value] {
    Job j;
    j.then([&value] { use(value); });
  });
  // CHECK: [[@LINE-4]]:15: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  ex.wait();
}

// A signal the work cannot give (the flag is not the work's).
void spunOnOtherFlag(Executor &ex, std::atomic<bool> &elsewhere) {
  int value = 0;
  ex.schedule([&value] {
    Job j;
    j.then([&value] { use(value); });
  });
  // CHECK: [[@LINE-4]]:3: warning: lambda expression captures local 'value' by reference and outlives it (sink {*ex}.q){{.*}}[escape-lambda-capture]
  // CHECK: [[@LINE-5]]:15: warning: lambda expression captures local 'value' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
  while (!elsewhere) {
  }
}
