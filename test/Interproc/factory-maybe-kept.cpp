// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++17 | FileCheck %s --check-prefixes=CHECK,MAYBE

// A factory that also hands what it makes to a callee nobody can see (yoga's
// YGNodeNew publishing the node to the subscribers of a global list, each a
// std::function) still returns a fresh object: what a caller stores into it
// is a maybe, as for any callee without a body, not a store into the heap.
// One that stores the object somewhere it can be seen does not.

#include <functional>

struct Node {
  int *ctx = nullptr;
};
struct Subscriber {
  std::function<void(const Node *)> fn;
  Subscriber *next;
};
Subscriber *subscribers = nullptr;
const Node *lastNode = nullptr;

void publish(const Node *n) {
  for (Subscriber *s = subscribers; s; s = s->next)
    s->fn(n);
}
Node *nodeNew() {
  Node *n = new Node;
  publish(n);
  return n;
}
Node *nodeNewRemembered() {
  Node *n = new Node;
  lastNode = n;
  return n;
}
void nodeFree(Node *n) { delete n; }

int published() {
  int count = 0;
  // The flow ends where the object is made.
  // MAYBE: [[@LINE+2]]:13: warning: address of local 'count' escapes to the heap; {{.*}} (maybe: {{.*}}
  // MAYBE: [[@LINE+1]]:13: note: created and perhaps kept via 'nodeNew': nodeNew()
  Node *n = nodeNew();
  n->ctx = &count;
  nodeFree(n);
  return count;
}
int remembered() {
  int count = 0;
  Node *n = nodeNewRemembered();
  // CHECK: [[@LINE+1]]:3: warning: address of local 'count' escapes to the heap; 'count' dangles when 'remembered' returns [escape-heap]
  n->ctx = &count;
  nodeFree(n);
  return count;
}
