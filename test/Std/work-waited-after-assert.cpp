// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An assertion macro between the hand-off and the wait returns only when
// the test has already failed (googletest's ASSERT_*, a RETURN_IF_ERROR):
// an error path, like an exception a call throws, not an exit that skips the
// wait. A return the function writes itself is one.

#include <deque>
#include <functional>
#include <latch>

#define ASSERT_TRUE(c)                                                         \
  if (c)                                                                       \
    ;                                                                          \
  else                                                                         \
    return

struct Executor {
  std::deque<std::function<void()>> q;
  void schedule(std::function<void()> f) { q.push_back(std::move(f)); }
};

int use(int &);

void assertedBetween(Executor &ex, bool ok) {
  int value = 0;
  std::latch done(1);
  ex.schedule([&value, &done] {
    use(value);
    done.count_down();
  });
  ASSERT_TRUE(ok);
  done.wait();
}

void returnsBetween(Executor &ex, bool ok) {
  int value = 0;
  std::latch done(1);
  // CHECK: [[@LINE+2]]:3: warning: lambda expression captures local 'value' by reference and outlives it{{.*}}[escape-lambda-capture]
  // CHECK: [[@LINE+1]]:3: warning: lambda expression captures local 'done' by reference and outlives it{{.*}}[escape-lambda-capture]
  ex.schedule([&value, &done] {
    use(value);
    done.count_down();
  });
  if (!ok)
    return;
  done.wait();
}
