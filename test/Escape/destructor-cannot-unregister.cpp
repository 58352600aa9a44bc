// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++17 | FileCheck %s --check-prefix=MAYBE

// A local whose destructor does work may take itself out of where it was
// stored (a registry, a signal): that is a maybe. A destructor that only
// calls the standard library on members the object holds by value (joins
// its own thread, clears its own buffer) cannot: stored into a longer-lived
// object, the local is reported as definite. Calling the program, naming a
// global, following a pointer member or calling a stored callable may
// unregister it.

#include <deque>
#include <functional>
#include <thread>
#include <vector>

struct Pool {
  std::deque<std::function<void()>> tasks;
  void detach(std::function<void()> f) { tasks.push_back(std::move(f)); }
  void remove(const void *who);
};
Pool pool;

struct Joins {
  std::thread t;
  ~Joins() {
    if (t.joinable())
      t.join();
  }
  int x = 0;
};

struct ClearsOwnBuffer {
  std::vector<int> buf;
  ~ClearsOwnBuffer() { buf.clear(); }
  int x = 0;
};

void joins() {
  Joins a;
  pool.detach([&a] { ++a.x; }); // CHECK: :[[@LINE]]:3: warning: lambda expression captures local 'a' by reference and outlives it (sink {global pool}); 'a' dangles when 'joins' returns [escape-lambda-capture]
}

void clearsOwnBuffer() {
  ClearsOwnBuffer b;
  pool.detach([&b] { ++b.x; }); // CHECK: :[[@LINE]]:3: warning: lambda expression captures local 'b' by reference and outlives it (sink {global pool}); 'b' dangles when 'clearsOwnBuffer' returns [escape-lambda-capture]
}

// These may take themselves out of the pool.
struct CallsProgram {
  ~CallsProgram() { pool.remove(this); }
  int x = 0;
};

struct ThroughPointer {
  std::vector<const void *> *registry = nullptr;
  ~ThroughPointer() { registry->clear(); }
  int x = 0;
};

struct CallsCallable {
  std::function<void()> onDestroy;
  ~CallsCallable() { onDestroy(); }
  int x = 0;
};

void callsProgram() {
  CallsProgram c;
  pool.detach([&c] { ++c.x; }); // MAYBE: :[[@LINE]]:3: warning: lambda expression captures local 'c' by reference {{.*}} (maybe: its destructor may unregister it)
}

void throughPointer() {
  ThroughPointer d;
  pool.detach([&d] { ++d.x; }); // MAYBE: :[[@LINE]]:3: warning: lambda expression captures local 'd' by reference {{.*}} (maybe: its destructor may unregister it)
}

void callsCallable() {
  CallsCallable e;
  pool.detach([&e] { ++e.x; }); // MAYBE: :[[@LINE]]:3: warning: lambda expression captures local 'e' by reference {{.*}} (maybe: its destructor may unregister it)
}
