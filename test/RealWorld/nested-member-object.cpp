// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in gabime/spdlog (its bundled fmt 9, detail::vformat_to): the
// format handler holds a 'context' object, which holds the output iterator
// and the arguments; 'context.out()' on the member object returns the
// iterator only. While objects were split into fields one level deep, a
// call on a member object ('this->context.out()') saw that member whole, so
// the iterator was taken to carry the arguments, and every argument of every
// spdlog::info call was reported as escaping to the heap. Fields of fields
// are now nodes of their own too.

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

// 'buf' is kept by the global: reported, correctly. Not reported: 'x', only
// in 'inner_.arg_', which 'out()' does not return.
void nested() {
  int x = 0;
  char buf[4];
  Outer o{{buf, &x}};
  gs = o.text(); // CHECK: nested-member-object.cpp:[[@LINE]]:3: warning: address of local 'buf' is stored in global 'gs'{{.*}}[escape-global]
}

// One level deep: not reported for 'x' either.
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

// A field of a field stored and read directly.
void direct() {
  int x = 0;
  char buf[4];
  Outer o{{nullptr, nullptr}};
  o.inner_.arg_ = &x;
  o.inner_.out_ = buf;
  gs = o.inner_.out_; // CHECK: nested-member-object.cpp:[[@LINE]]:3: warning: address of local 'buf' is stored in global 'gs'{{.*}}[escape-global]
}

// A whole store into the member object reaches its fields.
void wholeMember() {
  int x = 0;
  Outer o{{nullptr, nullptr}};
  o.inner_ = Inner{nullptr, &x};
  int *volatile keep = o.inner_.arg_;
  gs = (char *)keep; // CHECK: nested-member-object.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'gs'{{.*}}[escape-global]
}

