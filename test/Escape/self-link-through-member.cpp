// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --no-config --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE
// An object that links itself into what one of its members points to (a
// stop callback list, a parent's children, a waiter queue) makes a back
// link. When the caller can see that target, the store lands there; when it
// cannot (the object was reached through a call's result), the target is
// most often something the object owns or outlives, and the store is a
// maybe: it must not carry along what the caller merely thought the pointer
// held.
#include <memory>
#include <utility>
#include <vector>

struct Widget;
struct Registry {
  std::vector<Widget *> items;
};
Registry g_reg;
struct Widget {
  Registry *reg;
  void attach() { reg->items.push_back(this); }
};

void registeredInGlobal() {
  Widget w{&g_reg};
  w.attach(); // CHECK: :[[@LINE]]:3: warning: address of local 'w' escapes to the heap
}

void registeredInParam(Registry *r) {
  Widget w{r};
  w.attach(); // CHECK: :[[@LINE]]:3: warning: address of local 'w' is stored into the object parameter 'r' refers to
}

Widget made(Registry *r) { return Widget{r}; }
void registeredThroughFactory() {
  Widget w = made(&g_reg);
  w.attach(); // CHECK: :[[@LINE]]:3: warning: address of local 'w' escapes to the heap
}

struct State;
struct Link {
  State *owner = nullptr;
};
struct State {
  Link *link = nullptr;
  void detach() { link->owner = this; }
};
struct Op {
  std::shared_ptr<State> st;
  int *seen = nullptr;
  void finish() { std::exchange(st, {})->detach(); }
};
Op connect(int &x) {
  Op op;
  op.st = std::make_shared<State>();
  op.seen = &x;
  return op;
}
void sharedStateDetached() {
  int x = 0;
  Op op = connect(x);
  op.finish(); // MAYBE: :[[@LINE]]:3: warning: address of local 'x' escapes to the heap (via 'Op::finish' keeps it); 'x' dangles when 'sharedStateDetached' returns (maybe: rests on a conservative assumption)
}
