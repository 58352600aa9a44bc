// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Node {
  int value;
  Node *next;
};

struct List {
  Node *head = nullptr;
  void pushLocal(int v) {
    Node n{v, head};
    head = &n; // CHECK: members.cpp:[[@LINE]]:5: warning: address of local 'n' is stored into *this, which outlives it; 'n' dangles when 'List::pushLocal' returns [escape-member]
  }
  void pushParam(Node *n) {
    n->next = head;
    head = n;
  }
  void pushHeap(int v) { head = new Node{v, head}; }
  int *firstValue() { return &head->value; }
};

// A member initialized with the address of a by-value constructor parameter.
struct View {
  const int *p;
  View(int x) : p(&x) {} // CHECK: members.cpp:[[@LINE]]:17: warning: address of parameter 'x' is stored into *this, which outlives it; 'x' dangles when 'View::View' returns [escape-member]
};

// Through a reference parameter bound to a temporary at the call site.
struct RefView {
  const int *p;
  RefView(const int &x) : p(&x) {}
};
RefView viewOfTemporary() {
  return RefView(3); // CHECK: members.cpp:[[@LINE]]:3: warning: temporary 'int' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}
RefView viewOfParameter(const int &x) { return RefView(x); }

// A member of a member.
struct Outer {
  struct Inner {
    int *p;
  } inner;
  void fill() {
    int x;
    inner.p = &x; // CHECK: members.cpp:[[@LINE]]:5: warning: address of local 'x' is stored into *this{{.*}}[escape-member]
  }
};

// A getter returning the address of a member of a local object.
struct Counter {
  int n = 0;
  int *get() { return &n; }
};
int *counterOfLocal() {
  Counter c;
  return c.get(); // CHECK: members.cpp:[[@LINE]]:3: warning: address of local 'c' escapes to the caller; 'c' dangles when 'counterOfLocal' returns [escape-return]
}
int *counterOfParameter(Counter &c) { return c.get(); }
int counterValue() {
  Counter c;
  return *c.get();
}

// A self pointer set by a default member initializer.
struct Self {
  Self *me = this;
};
Self *selfOfLocal() {
  Self s;
  return s.me; // CHECK: members.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller; 's' dangles when 'selfOfLocal' returns [escape-return]
}
// Returned by value: guaranteed copy elision, 'this' is the caller's object.
struct Parent;
struct Child {
  Parent *parent;
};
struct Parent {
  Child child{this};
};
Parent makeParent() { return Parent{}; }

// 'this' stored into another object.
struct Linked {
  Linked *prev = nullptr;
  void linkInto(Linked &other) { other.prev = this; }
};
void linkTwoLocals() {
  Linked a, b;
  a.linkInto(b);
}
// FIXME: placed at the argument 'b' (column 14), not at the call (column 3).
void linkIntoStatic() {
  Linked a;
  static Linked b;
  a.linkInto(b); // CHECK: members.cpp:[[@LINE]]:14: warning: address of local 'a' is stored in static 'b'; 'a' dangles when 'linkIntoStatic' returns [escape-global]
}
