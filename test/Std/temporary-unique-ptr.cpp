// A temporary std::unique_ptr destroys the object it owns at the end of the
// full-expression: a pointer or reference to that object, taken through
// get(), -> or *, dangles after it.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <memory>

struct Node {
  int value = 0;
  const int &ref() const { return value; }
};
std::unique_ptr<Node> makeNode();
std::shared_ptr<Node> sharedNode();
std::unique_ptr<Node> &cachedNode();

Node *returnedGet() {
  return makeNode().get(); // CHECK: temporary-unique-ptr.cpp:[[@LINE]]:3: warning: temporary 'std::unique_ptr<Node>' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

int readThroughArrow() {
  const int &v = makeNode()->ref(); // CHECK: temporary-unique-ptr.cpp:[[@LINE]]:14: warning: temporary 'std::unique_ptr<Node>' is destroyed at the end of the full-expression, but 'v' keeps its address and is used later [escape-scope]
  return v;
}

int readThroughStar() {
  const Node &n = *makeNode(); // CHECK: temporary-unique-ptr.cpp:[[@LINE]]:15: warning: temporary 'std::unique_ptr<Node>' is destroyed{{.*}}[escape-scope]
  return n.value;
}

// Used within the full-expression, copied out, owned elsewhere: fine.
int usedAtOnce() { return makeNode()->ref() + makeNode().get()->value; }
int copiedOut() {
  int v = makeNode()->ref();
  return v;
}
const int &ownedByCache() { return cachedNode()->ref(); }
Node *released() { return makeNode().release(); }

// A by-value parameter owns its object until the function returns, unless
// the function moves it away or releases it.
const int *fromParameter(std::unique_ptr<Node> p) {
  const int *v = &p->value;
  return v; // CHECK: temporary-unique-ptr.cpp:[[@LINE]]:3: warning: address of parameter 'p' escapes to the caller; 'p' dangles when 'fromParameter' returns [escape-return]
}
void adopt(std::unique_ptr<Node> n);
Node *handedOver(std::unique_ptr<Node> p) {
  Node *raw = p.get();
  adopt(std::move(p));
  return raw;
}
Node *releasedParameter(std::unique_ptr<Node> p) {
  Node *raw = p.get();
  p.release();
  return raw;
}
struct Holder {
  Holder(std::unique_ptr<Node> p) : raw(p.get()), owned(std::move(p)) {}
  Node *raw;
  std::unique_ptr<Node> owned;
};
