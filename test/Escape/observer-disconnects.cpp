// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++17 | FileCheck %s --check-prefix=MAYBE

// An object connected to a longer-lived signal, whose destruction may
// disconnect it: its own destructor does work, or it holds connection
// handles (in a standard container) whose destructors do. The signal keeps
// its address only until then: a maybe, as for a registry on the heap.
// An object with nothing to clean up stays connected after its scope.

#include <vector>

struct Signal {
  struct Slot {
    void *obj;
    void (*fn)(void *);
  };
  std::vector<Slot> slots;
  void connect(void *obj, void (*fn)(void *)) { slots.push_back({obj, fn}); }
  void disconnect(void *obj);
  void emit() {
    for (Slot &s : slots)
      s.fn(s.obj);
  }
};

struct Connection {
  Signal *sig = nullptr;
  void *obj = nullptr;
  ~Connection() {
    if (sig)
      sig->disconnect(obj);
  }
};

// Holds its handles: destroying them disconnects it.
struct Holder {
  std::vector<Connection> conns;
  static void call(void *) {}
};

// Disconnects itself.
struct SelfCleaning {
  Signal *sig = nullptr;
  ~SelfCleaning() { sig->disconnect(this); }
  static void call(void *) {}
};

struct Plain {
  int n = 0;
  static void call(void *) {}
};

void holder() {
  Signal sig;
  {
    Holder h;
    sig.connect(&h, &Holder::call);
    // MAYBE: [[@LINE-1]]:{{[0-9]+}}: warning: address of local 'h' is kept in 'sig'{{.*}}(maybe: its destructor may unregister it) [escape-scope]
    h.conns.push_back(Connection{&sig, &h});
  }
  sig.emit();
}

void selfCleaning() {
  Signal sig;
  {
    SelfCleaning s{&sig};
    sig.connect(&s, &SelfCleaning::call);
    // MAYBE: [[@LINE-1]]:{{[0-9]+}}: warning: address of local 's' is kept in 'sig'{{.*}}(maybe: its destructor may unregister it) [escape-scope]
  }
  sig.emit();
}

void plain() {
  Signal sig;
  {
    Plain p;
    sig.connect(&p, &Plain::call);
    // CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: address of local 'p' is kept in 'sig'{{.*}}[escape-scope]
  }
  sig.emit();
}
