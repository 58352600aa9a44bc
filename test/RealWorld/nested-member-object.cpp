// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in gabime/spdlog (its bundled fmt 9, detail::vformat_to): the
// format handler holds a 'context' object, which holds the output iterator
// and the arguments; 'context.out()' on the member object returns the
// iterator only. Objects are split into fields one level deep: a call on a
// member object ('this->context.out()') sees that member whole, so the
// iterator is taken to carry the arguments, and every argument of every
// spdlog::info call is reported as escaping to the heap.

struct Inner {
  char *out_;
  int *arg_;
  char *out() const { return out_; }
};
struct Outer {
  Inner inner_;
  char *text() { return inner_.out(); }
};

char *gs;

// 'buf' is kept by the global: reported, correctly.
// FIXME: false positive: 'x' is only in 'inner_.arg_', which 'out()' does
// not return. Expected: only 'buf'.
void nested() {
  int x = 0;
  char buf[4];
  Outer o{{buf, &x}};
  gs = o.text(); // CHECK-DAG: nested-member-object.cpp:[[@LINE]]:3: warning: address of local 'buf' is stored in global 'gs'{{.*}}[escape-global]
  // CHECK-DAG: nested-member-object.cpp:[[@LINE-1]]:3: warning: address of local 'x' is stored in global 'gs'{{.*}}[escape-global]
}

// One level deep, the same shape is precise: not reported for 'x'.
struct Flat {
  char *out_;
  int *arg_;
  char *out() const { return out_; }
};
void flat() {
  int x = 0;
  char buf[4];
  Flat f{buf, &x};
  gs = f.out(); // CHECK: nested-member-object.cpp:[[@LINE]]:3: warning: address of local 'buf' is stored in global 'gs'{{.*}}[escape-global]
}
