// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// An object a local smart pointer owns, registered in a global, whose
// destructor may remove it again (g3log's LogWorker, unregistering itself
// from the logging singleton): as for a plain local of such a class, a
// maybe, shown with --report-maybe. One whose destructor does nothing stays
// a finding.

#include <memory>

struct Worker;
static Worker *g_instance = nullptr;

void initialize(Worker *w) { g_instance = w; }
void shutDownFor(Worker *w) {
  if (g_instance == w)
    g_instance = nullptr;
}

struct Worker {
  static std::unique_ptr<Worker> create() { return std::make_unique<Worker>(); }
  ~Worker() { shutDownFor(this); }
};

void run() {
  auto worker = Worker::create();
  initialize(worker.get()); // MAYBE: owned-object-destructor-unregisters.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'worker' {{.*}} (sink {global g_instance}){{.*}}(maybe: its destructor may unregister it) [escape-global]
}

void runMade() {
  auto worker = std::make_unique<Worker>();
  initialize(worker.get()); // MAYBE: owned-object-destructor-unregisters.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'worker' {{.*}} (sink {global g_instance}){{.*}}(maybe: its destructor may unregister it) [escape-global]
}

struct Plain {
  int v = 0;
};
static Plain *g_plain = nullptr;
void keep(Plain *p) { g_plain = p; }

void runPlain() {
  auto p = std::make_unique<Plain>();
  keep(p.get()); // CHECK: owned-object-destructor-unregisters.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' {{.*}}(sink {global g_plain}); it is destroyed with 'p' [escape-global]
}
