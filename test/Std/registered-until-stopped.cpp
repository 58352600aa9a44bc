// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An object registers itself with a long-lived registry (a std::list in a
// global scheduler) in start(); a later call on it that writes nothing
// start() wrote takes nothing back, and one never made leaves it kept.

#include <list>
#include <mutex>

struct Service;
struct Scheduler {
  std::mutex m;
  std::list<Service *> services;
  void bind(Service *s) {
    std::lock_guard<std::mutex> g(m);
    services.push_back(s);
  }
  void unbind(Service *s) {
    std::lock_guard<std::mutex> g(m);
    services.remove(s);
  }
};
static Scheduler *scheduler = new Scheduler;

struct Service {
  int port = 0;
  bool paused = false;
  int start(int p) {
    port = p;
    scheduler->bind(this);
    return 0;
  }
  void stop() { scheduler->unbind(this); }
  void pause() { paused = true; }
};

// A later call that does not write what start() wrote takes nothing back.
int startedAndPaused() {
  Service server;
  // CHECK: [[@LINE+1]]:7: warning: address of local 'server' escapes to the heap
  if (server.start(8811) != 0)
    return 1;
  server.pause();
  return 0;
}

// Never stopped.
void startedOnly() {
  Service server;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'server' escapes to the heap
  server.start(8811);
}

// --- Known misses -------------------------------------------------------------------------

// FIXME: reported; stop() removes the server from the list before it dies.
// A later call on the same object takes back what an earlier one kept when
// it writes a field the first wrote, followed three calls deep; push_back
// and remove of a std::list meet at the list's node count five calls down,
// and following calls that deep lets unrelated calls of a fixture take back
// what a database keeps (leveldb's db_test.cc, a true finding). Expected: no
// warning.
int startedAndStopped() {
  Service server;
  // CHECK: [[@LINE+1]]:7: warning: address of local 'server' escapes to the heap
  if (server.start(8811) != 0)
    return 1;
  server.stop();
  return 0;
}
