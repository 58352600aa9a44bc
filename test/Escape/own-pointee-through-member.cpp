// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An object reached through a pointer member gets its own address (a sink
// resetting its write position to its inline buffer, `sink_->Flush()` as
// abseil's str_format does): the address stays with the object, wherever
// the caller keeps the pointer (here, in a member of a member of an object
// passed by value, which the caller does not split).

struct Sink {
  char buf[16];
  char *pos = buf;
  void flush() { pos = buf; }
};

struct Converter {
  Sink *sink;
  void append() const { sink->flush(); }
};

struct Consumer {
  Converter conv;
  bool append() {
    conv.append();
    return true;
  }
};

template <class C> bool process(C c) { return c.append(); }

bool flushesItsOwnBuffer() {
  Sink s;
  return process(Consumer{Converter{&s}});
}

// What the object is given that is not its own address still counts.
int *gKept;
struct Keeper {
  int **slot;
  int *mine;
  void keep() const { *slot = mine; }
};
struct Holder {
  Keeper k;
  void run() { k.keep(); }
};
template <class H> void handOver(H h) { h.run(); }

void keepsAnotherAddress() {
  int x = 0;
  handOver(Holder{Keeper{&gKept, &x}});
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}'x'{{.*}}[escape-
}
