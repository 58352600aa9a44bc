// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// The members of a container's elements are one node: reading one member
// of an element reads what the others hold. A pointer into a parameter's
// array kept in one member (`Splice::sub`) then seems to come back out of
// another (`Splice::prefix`), stored into the array itself or returned. By
// C++'s aliasing rules a `Re *` cannot point into an array of `Re *`, nor a
// `Re **` be stored into one: such flows are dropped from the summary (re2's
// FactorAlternation).

#include <vector>

struct Re {
  int op;
};

struct Splice {
  Splice(Re *prefix, Re **sub, int nsub) : prefix(prefix), sub(sub), nsub(nsub) {}
  Re *prefix;
  Re **sub;
  int nsub;
};

void round1(Re **sub, int nsub, std::vector<Splice> *splices) {
  splices->emplace_back(sub[0], sub + 1, nsub - 1);
}

int factor(Re **sub, int nsub) {
  std::vector<Splice> splices;
  round1(sub, nsub, &splices);
  auto iter = splices.begin();
  sub[0] = iter->prefix; // a Re *, not the array's own address
  return 1;
}

Re *concat(Re **sub, int nsub) {
  factor(sub, nsub);
  Re *re = sub[0];
  return re;
}

Re *concatenated(Re *a, Re *b) {
  Re *arr[2] = {a, b};
  Re *r = concat(arr, 2);
  return r;
}

// Types that do allow it are still followed: a member's address...
struct Holder {
  Re re;
  Re *self() { return &re; }
};
Re *member() {
  Holder h;
  return h.self(); // CHECK: pointer-types-apart.cpp:[[@LINE]]:3: warning: address of local 'h' escapes to the caller{{.*}}[escape-return]
}

// ...character storage, which may hold any object...
Re *placed(unsigned char *buf) { return reinterpret_cast<Re *>(buf); }
Re *inBuffer() {
  alignas(Re) unsigned char buf[sizeof(Re)];
  return placed(buf); // CHECK: pointer-types-apart.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// ...and a pointer stored where one of its type is kept.
void keep(Re **slot, Re *re) { *slot = re; }
Re **kept() {
  static Re *slot;
  Re local{1};
  keep(&slot, &local); // CHECK: pointer-types-apart.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'local' is stored in static 'slot'{{.*}}[escape-global]
  return &slot;
}

// An object reached through a polymorphic base may be a derived object with
// more members than the base shows: a virtual call may keep a pointer in
// one, or return a member's address.
struct Widget {
  int v;
};
struct Base {
  virtual ~Base() {}
  virtual void attach(Widget *w) = 0;
  virtual Widget *widget() = 0;
};
struct Derived : Base {
  Widget own{};
  Widget *w = nullptr;
  void attach(Widget *x) override { w = x; }
  Widget *widget() override { return &own; }
};
void attachTo(Base *b, Widget *w) { b->attach(w); }
Widget *widgetOf(Base *b) { return b->widget(); }
extern Base *registry;
Widget *shown;
void registers() {
  Widget local{1};
  attachTo(registry, &local); // CHECK: pointer-types-apart.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the heap{{.*}}[escape-heap]
}
void shows() {
  Derived d;
  shown = widgetOf(&d); // CHECK: pointer-types-apart.cpp:[[@LINE]]:3: warning: address of local 'd' is stored in global 'shown'{{.*}}[escape-global]
}

// So may a CRTP base, which reaches its derived object by a cast.
template <class D> struct Mixin {
  void attach(Widget *x) { static_cast<D *>(this)->w = x; }
};
struct Gadget : Mixin<Gadget> {
  Widget *w = nullptr;
};
void attachMixin(Mixin<Gadget> *m, Widget *w) { m->attach(w); }
Gadget gadget;
void mixes() {
  Widget local{2};
  attachMixin(&gadget, &local); // CHECK: pointer-types-apart.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'local' is stored in global 'gadget'{{.*}}[escape-global]
}
