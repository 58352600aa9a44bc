// RUN: not %clang-escape -m %s -- -std=c++20 | FileCheck %s --check-prefix=M1 --implicit-check-not=flow: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: not %clang-escape -m=2 %s -- -std=c++20 | FileCheck %s --check-prefix=M2 --implicit-check-not=warning: --implicit-check-not=note:

int *g;

void leak(int *p) { g = p; }
// M1: go-style.cpp:[[@LINE-1]]:16: leaking param: p{{$}}
// M2: go-style.cpp:[[@LINE-2]]:16: leaking param: p{{$}}

int *ident(int *p) { return p; }
// M1: go-style.cpp:[[@LINE-1]]:17: leaking param: p to result ~r0 level=0{{$}}

int readOnly(int *p) { return *p; }
// M1: go-style.cpp:[[@LINE-1]]:19: p does not escape{{$}}

struct Holder {
  int *m;
  void set(int *p) { m = p; }
  // M1: go-style.cpp:[[@LINE-1]]:8: this does not escape{{$}}
  // M1: go-style.cpp:[[@LINE-2]]:17: leaking param: p to *this level=0{{$}}
};

void contentLeak(int **pp) { g = *pp; }
// M1: go-style.cpp:[[@LINE-1]]:24: leaking param content: pp{{$}}

struct Point {
  int x;
};
int candidate() {
  Point *p = new Point{1};
  // M1: go-style.cpp:[[@LINE-1]]:14: new Point does not escape{{$}}
  int r = p->x;
  delete p;
  return r;
}

Point *escapes() { return new Point{2}; }
// M1: go-style.cpp:[[@LINE-1]]:27: new Point escapes to heap{{$}}

int *returnLocal() {
  int u = 1;
  // M1: go-style.cpp:[[@LINE-1]]:7: u escapes to ~r0{{$}}
  // M2: go-style.cpp:[[@LINE-2]]:7: u escapes to ~r0:{{$}}
  // M2-NEXT: go-style.cpp:[[@LINE-3]]:7:   flow: ~r0 = &u:{{$}}
  // M2-NEXT: go-style.cpp:[[@LINE-4]]:7:     from &u (address-of) at {{.*}}go-style.cpp:[[@LINE+2]]:10{{$}}
  // M2-NEXT: go-style.cpp:[[@LINE-5]]:7:     from return &u (return) at {{.*}}go-style.cpp:[[@LINE+1]]:3{{$}}
  return &u;
}

void outParam(char **out) {
  // M1: go-style.cpp:[[@LINE-1]]:22: out does not escape{{$}}
  char buf[4];
  // M1: go-style.cpp:[[@LINE-1]]:8: buf escapes to {*out}{{$}}
  // M2: go-style.cpp:[[@LINE-2]]:8: buf escapes to {*out}:{{$}}
  // M2-NEXT: go-style.cpp:[[@LINE-3]]:8:   flow: {*out} = &buf:{{$}}
  // M2-NEXT: go-style.cpp:[[@LINE-4]]:8:     from buf (decay) at {{.*}}go-style.cpp:[[@LINE+2]]:10{{$}}
  // M2-NEXT: go-style.cpp:[[@LINE-5]]:8:     from *out = buf (assign) at {{.*}}go-style.cpp:[[@LINE+1]]:3{{$}}
  *out = buf;
}

void storeGlobal() {
  int y;
  // M1: go-style.cpp:[[@LINE-1]]:7: y escapes to {heap}{{$}}
  // M2: go-style.cpp:[[@LINE-2]]:7: y escapes to {heap}:{{$}}
  // M2: go-style.cpp:[[@LINE-3]]:7:     from &y (address-of) at {{.*}}go-style.cpp:[[@LINE+2]]:7{{$}}
  // M2: go-style.cpp:[[@LINE-4]]:7:     from g (store to global) at {{.*}}go-style.cpp:[[@LINE+1]]:3{{$}}
  g = &y;
}

// An address-taken local that does not escape gets its decision, and so
// does a closure kept in a local.
int addressTakenLocal() {
  int x = 0; // M1: go-style.cpp:[[@LINE]]:7: x does not escape{{$}}
  int *p = &x;
  return *p;
}
int localClosure() {
  int v = 0;                   // M1: go-style.cpp:[[@LINE]]:7: v does not escape{{$}}
  auto f = [&v] { return v; }; // M1: go-style.cpp:[[@LINE]]:8: f does not escape{{$}}
  return f();
}

// Perf findings are listed after the decisions, with their check name.
// M1: go-style.cpp:30:14: stack candidate: new Point (4 bytes) never escapes 'candidate' and is released in it; it can live on the stack [escape-stack-candidate]
