// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Stores through a reference member land where the member was bound: the
// object it refers to, when a local aggregate bound it, or what a
// parameter's member refers to, as the caller knows it.

int *g;

struct Target {
  int *p = nullptr;
  void set(int *q) { p = q; }
};

// fmt's parse_format_string: a local functor holding a reference to the
// handler, called to forward to it.
struct Writer {
  Target &t_;
  void operator()(int *q) { t_.set(q); }
};

void forward(Target &t, int *q) {
  Writer w{t};
  w(q);
}

// Not reported: 'x' goes into 'local.p', and 'local' dies with 'x'.
int localTarget() {
  int x = 0;
  Target local;
  forward(local, &x);
  return *local.p;
}

// Into the caller's object: reported.
void paramTarget(Target &out) {
  int x = 0;
  forward(out, &x); // CHECK: reference-members.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller through parameter 'out'{{.*}}[escape-return]
}

// A reference member bound to a global object: reported.
Target g_target;
void globalTarget() {
  int x = 0;
  forward(g_target, &x); // CHECK: reference-members.cpp:[[@LINE]]:11: warning: address of local 'x' is stored in global 'g_target'{{.*}}[escape-global]
}

// Directly through a local aggregate's reference member.
int direct() {
  int x = 0;
  Target local;
  Writer w{local};
  w.t_.p = &x; // not reported
  return *local.p;
}

// Catch2's AssertionHandler: a method forwarding to the object a reference
// member refers to, called from a function taking the handler by
// reference. The store lands in what 'h.t_' refers to.
struct Handler {
  Target &t_;
  void keep(int *q) { t_.set(q); }
};
void keepThrough(Handler &h) {
  int x = 0;
  h.keep(&x); // CHECK: reference-members.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into what 'h->t_' refers to, which outlives it{{.*}}[escape-member]
}
