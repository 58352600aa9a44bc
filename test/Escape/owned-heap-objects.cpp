// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A heap object owned by a local lives as long as its owner: storing a
// local's address there is an escape only if the owner can outlive it.

namespace std {
template <class T> struct default_delete {};
template <class T, class D = default_delete<T>> struct unique_ptr {
  T *p = nullptr;
  T *get() const { return p; }
  T *operator->() const { return p; }
  T &operator*() const { return *p; }
  ~unique_ptr() { delete p; }
};
template <class T> unique_ptr<T> make_unique() { return unique_ptr<T>{new T}; }
} // namespace std

struct Node {
  int *data = nullptr;
  Node *next = nullptr;
};

// Owns its node: the destructor deletes it.
struct Owner {
  Node *n;
  Owner() : n(new Node) {}
  ~Owner() { delete n; }
  void set(int *p) { n->data = p; }
};

void ownerDiesFirst() {
  int x = 0;
  Owner o;
  o.set(&x);
}

Owner *gOwner;
void ownerOutlives() {
  int x = 0;
  gOwner->set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}

// Holds a node it does not own: the node can outlive the holder.
struct Borrower {
  Node *n;
  void set(int *p) { n->data = p; }
};
Node *gNode;
void borrowedNode() {
  int x = 0;
  Borrower b{gNode};
  b.set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}
// A node made here and never read again: it keeps the address, but nothing
// can use it (a leak, not a dangling use).
void leakedNode() {
  int x = 0;
  Borrower b{new Node};
  b.set(&x);
}

// Through a pointer re-pointed in a loop: it points into the list the
// local owner holds.
struct List {
  std::unique_ptr<Node> head;
  Node *first() { return head.get(); }
};
void walkOwnedList() {
  int x = 0;
  List l;
  for (Node *n = l.first(); n; n = n->next)
    n->data = &x;
}

// The same walk over a list nobody here owns.
Node *gHead;
void walkGlobalList() {
  int x = 0;
  for (Node *n = gHead; n; n = n->next)
    n->data = &x; // CHECK: owned-heap-objects.cpp:[[@LINE]]:5: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}

// A unique_ptr member: what it points to is part of the object.
struct Holder {
  std::unique_ptr<Node> node;
  void keep(int *p) { node->data = p; }
};
void uniqueMember() {
  int x = 0;
  Holder h;
  h.keep(&x);
}
Holder gHolder;
void uniqueMemberOfGlobal() {
  int x = 0;
  gHolder.keep(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'gHolder'{{.*}}[escape-global]
}

// A handle (a pointer wrapper returned by value) to a node the owner made:
// a store through it is a store into the owner, whose lifetime decides.
struct Handle {
  Node *n;
  Handle &set(int *p) {
    n->data = p;
    return *this;
  }
};
struct Graph {
  std::unique_ptr<Node> nodes[4];
  int used = 0;
  Handle add() {
    nodes[used] = std::make_unique<Node>();
    return Handle{nodes[used++].get()};
  }
  int sum() const;
};
void graphDiesFirst() {
  int x = 0;
  Graph g;
  g.add().set(&x);
  g.sum();
}
void graphDeclaredFirst() {
  Graph g;
  int x = 0;
  g.add().set(&x);
  g.sum();
}
void graphUsedAfterScope() {
  Graph g;
  {
    int x = 0;
    g.add().set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'g', which is used after the scope of 'x' ends [escape-scope]
  }
  g.sum();
}
Graph gGraph;
void globalGraph() {
  int x = 0;
  gGraph.add().set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}
void callersGraph(Graph &g) {
  int x = 0;
  g.add().set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'g' refers to{{.*}}[escape-member]
}
// A handle to a node nobody here owns: anywhere.
Node gSpare;
Handle spareHandle() { return Handle{&gSpare}; }
void handleToGlobalNode() {
  int x = 0;
  spareHandle().set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}
Handle unknownHandle();
void handleFromUnknown() {
  int x = 0;
  unknownHandle().set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}

// The destructor releases through calls of its own (`clear()`, a pool's
// `recycle`): the class still owns what it points to.
inline void recycle(Node *n) { delete n; }
struct Pool {
  Node *slots[4] = {};
  int used = 0;
  ~Pool() { clear(); }
  void clear() {
    for (int I = 0; I < used; ++I)
      recycle(slots[I]);
    used = 0;
  }
  Handle add() {
    slots[used] = new Node;
    return Handle{slots[used++]};
  }
};
void poolDiesFirst() {
  int x = 0;
  Pool p;
  p.add().set(&x);
}
Pool gPool;
void globalPool() {
  int x = 0;
  gPool.add().set(&x); // CHECK: owned-heap-objects.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}
