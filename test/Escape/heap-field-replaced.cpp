// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A strong update of a fresh heap object: a field first set to a view of a
// local (or of the caller's object), then re-pointed at the object's own
// storage before anything can read it, keeps nothing of the local. Only
// through the local pointer the new-expression initialized, in the same
// block, with nothing in between that names the pointer except stores into
// other fields (abseil's CordRepFromString).

struct Rep {
  const char *base;
  int len = 0;
  char own[8];
};
Rep *gRep;
const char *gBase;
void publish(Rep *);
void poll();
int pick();

// Re-pointed right after the aggregate initializer.
Rep *repointed() {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  rep->base = rep->own;
  return rep;
}

// Stores into other fields in between, and an earlier assignment replaced.
Rep *assignedTwice() {
  char buf[8] = {};
  Rep *rep = new Rep{nullptr};
  rep->base = buf;
  rep->len = 8;
  rep->base = rep->own;
  return rep;
}

// The abseil shape: the caller's object, through a parameter.
Rep *fromView(const char *src) {
  Rep *rep = new Rep{src, 3};
  rep->base = rep->own;
  return rep;
}
void callsFromView() {
  char buf[8] = {};
  gRep = fromView(buf);
}

// Read before it is replaced: the old value is kept elsewhere.
Rep *readBefore() {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  gBase = rep->base; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' {{.*}}[escape-global]
  rep->base = rep->own;
  return rep; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// Replaced on one path only.
Rep *conditional(bool c) {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  if (c)
    rep->base = rep->own;
  return rep; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// A jump past the later store.
Rep *jumpsPast(bool c) {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  if (c)
    goto out;
  rep->base = rep->own;
out:
  return rep; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// The object is handed out before the store: someone may read it.
Rep *handedOut() {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  publish(rep);
  rep->base = rep->own;
  return rep; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// The new value is made from the old one.
Rep *fromOld() {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  rep->base = rep->base + 1;
  return rep; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// A constructor that keeps `this`: a call in between may read the field.
struct Registered;
Registered *gRegistered;
struct Registered {
  const char *base = nullptr;
  char own[8];
  Registered() { gRegistered = this; }
};
Registered *registered() {
  char buf[8] = {};
  Registered *r = new Registered; // CHECK: heap-field-replaced.cpp:[[@LINE]]:23: warning: address of local 'buf' is stored in global 'gRegistered'{{.*}}[escape-global]
  r->base = buf;
  poll();
  r->base = r->own;
  return r; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// Through another pointer than the one the new-expression initialized.
Rep *otherPointer() {
  char buf[8] = {};
  Rep *rep = new Rep{buf};
  Rep *alias = pick() ? rep : gRep;
  alias->base = alias->own; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the heap{{.*}}[escape-heap]
  return rep; // CHECK: heap-field-replaced.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}
