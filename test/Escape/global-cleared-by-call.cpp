// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++17 | FileCheck %s --check-prefix=MAYBE

// A hook installed by one call and removed by a later one ("set, use,
// clear" through functions): a later call of the block, before any exit,
// that is given no address and gives the global a new value or empties it,
// lets go of what the first call stored there. A class-type global emptied
// in the function itself (`gs.reset()`, `gs = {}`) is the same.

#include <memory>
#include <vector>

struct Service {
  int v = 0;
};

Service *g;
void set(Service *p) { g = p; }
void clear() { g = nullptr; }

int setUseClear() {
  Service s;
  set(&s); // MAYBE: global-cleared-by-call.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'g' (via 'set', until 'clear()' may take it back{{.*}}(maybe: rests on a conservative assumption)
  int r = g->v;
  clear();
  return r;
}

int setUseSetNull() {
  Service s;
  set(&s);
  int r = g->v;
  set(nullptr);
  return r;
}

int setLeft() {
  Service s;
  set(&s); // CHECK: global-cleared-by-call.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'g' (via 'set'); 's' dangles when 'setLeft' returns [escape-global]
  return g->v;
}

int setAgainWithAnother(Service *other) {
  Service s;
  set(&s); // CHECK: global-cleared-by-call.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'g' (via 'set')
  int r = g->v;
  set(other); // may store &s again: not a clear
  return r;
}

int clearedOnlyOnOnePath(bool early) {
  Service s;
  set(&s); // CHECK: global-cleared-by-call.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'g' (via 'set')
  if (early)
    return 0;
  clear();
  return 1;
}

void nestedLocalDeadBeforeClear() {
  {
    Service s;
    set(&s); // CHECK: global-cleared-by-call.cpp:[[@LINE]]:5: warning: address of local 's' {{.*}}[escape-
  }
  clear();
}

// A service locator's two overloads of a static member function, the
// clearing one given an empty object by its default argument.
template <typename T> struct Locator {
  static void reset(T *p) { slot = std::shared_ptr<T>(p, [](T *) {}); }
  static void reset(const std::shared_ptr<T> &other = {}) { slot = other; }
  static T &value() { return *slot; }
  static inline std::shared_ptr<T> slot;
};

int locatorCleared() {
  Service s;
  Locator<Service>::reset(&s);
  int r = Locator<Service>::value().v;
  Locator<Service>::reset();
  return r;
}

int locatorLeft() {
  Service s;
  Locator<Service>::reset(&s); // CHECK: global-cleared-by-call.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'slot' (via 'Locator<Service>::reset')
  return Locator<Service>::value().v;
}

// A registry emptied by a later call.
std::vector<Service *> registry;
void enroll(Service *p) { registry.push_back(p); }
void dropAll() { registry.clear(); }

int enrolledThenDropped() {
  Service s;
  enroll(&s);
  int n = static_cast<int>(registry.size());
  dropAll();
  return n;
}

// A class-type global emptied in the function itself.
std::shared_ptr<Service> gs;

int sharedReset() {
  Service s;
  gs = std::shared_ptr<Service>(&s, [](Service *) {});
  int r = gs->v;
  gs.reset();
  return r;
}

int sharedAssignedEmpty() {
  Service s;
  gs = std::shared_ptr<Service>(&s, [](Service *) {});
  int r = gs->v;
  gs = {};
  return r;
}

int sharedLeft() {
  Service s;
  gs = std::shared_ptr<Service>(&s, [](Service *) {}); // CHECK: global-cleared-by-call.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'gs'; 's' dangles when 'sharedLeft' returns [escape-global]
  return gs->v;
}
