// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// A lambda the library calls (a thread's) that calls a method on its
// captured `this`: what the method keeps of `this` (a member's address in a
// thread_local) is the enclosing object, not the whole closure, so the
// lambda's other captures do not go with it. A thread joined before the
// captured local dies keeps nothing; one detached still does.
#include <thread>

struct Exec {
  int member = 0;
  static int *&current() {
    static thread_local int *cur = nullptr;
    return cur;
  }
  void initThreadLocals() { current() = &member; }

  void joined() {
    int local = 0;
    std::thread t([this, &local] {
      initThreadLocals();
      ++local;
    });
    t.join();
  }
  void detached() {
    int local = 0;
    // CHECK: :[[@LINE+1]]:5: warning: address of local 'local' is handed to a thread that may outlive it; 'local' dangles when 'Exec::detached' returns [escape-thread]
    std::thread([this, &local] {
      initThreadLocals();
      ++local;
    }).detach();
  }
};
