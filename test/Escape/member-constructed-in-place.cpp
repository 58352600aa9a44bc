// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A member initializer, written or implicit, constructs the member where it
// lives: what the member's constructor stores of the member's own address
// (an intrusive list's empty state `tail = &head`) is the enclosing
// object's address, not the address of a temporary copied into it.

struct Node {
  Node *next = nullptr;
};
struct List {
  Node head;
  Node *tail = &head;
};
struct Implicit {
  List l;
};
struct Written {
  List l;
  Written() {}
};
struct Defaulted {
  List l;
  Defaulted() = default;
};
struct Nested {
  Implicit i;
};
// A copy does not point at itself: its tail is the source's.
struct Copied {
  List l;
  explicit Copied(const List &o) : l(o) {}
};

Node *gKept;

void implicitKept() {
  Implicit o;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'o' is stored in global 'gKept'
  gKept = o.l.tail;
}
void writtenKept() {
  Written o;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'o' is stored in global 'gKept'
  gKept = o.l.tail;
}
void defaultedKept() {
  Defaulted o;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'o' is stored in global 'gKept'
  gKept = o.l.tail;
}
void nestedKept() {
  Nested o;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'o' is stored in global 'gKept'
  gKept = o.i.l.tail;
}

// The head's next is null: nothing of the object is kept.
void headNextKept() {
  Implicit o;
  gKept = o.l.head.next;
}
// The copy's tail is the heap list's own sentinel, not the local.
void copiedFromHeap() {
  Copied o(*new List);
  gKept = o.l.tail;
}
// Kept only while the object lives.
int keptLocally() {
  Nested o;
  Node *t = o.i.l.tail;
  return t->next == nullptr;
}
