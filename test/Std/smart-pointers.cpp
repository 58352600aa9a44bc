// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=remark:

#include <memory>
#include <utility>

struct Node {
  int v;
  int w[4];
};

// --- A local owner that never leaves: stack candidate -------------------------

int localUnique() {
  auto p = std::make_unique<Node>(); // CHECK: smart-pointers.cpp:[[@LINE]]:12: remark: stack candidate: std::make_unique<Node> (20 bytes) never escapes 'localUnique' and is released in it; it can live on the stack [escape-stack-candidate]
  p->v = 1;
  return p->v;
}

int localShared() {
  auto p = std::make_shared<Node>(); // CHECK: smart-pointers.cpp:[[@LINE]]:12: remark: stack candidate: std::make_shared<Node> (20 bytes) never escapes 'localShared'{{.*}}[escape-stack-candidate]
  return p->v;
}

// The local unique_ptr owns the 'new Node' and releases it (ALGORITHM.md B7
// rule 4: "the destructor of a non-escaping local unique_ptr").
int localUniqueFromNew() {
  std::unique_ptr<Node> p(new Node{}); // CHECK: smart-pointers.cpp:[[@LINE]]:27: remark: stack candidate: new Node (20 bytes) never escapes 'localUniqueFromNew'{{.*}}[escape-stack-candidate]
  return p->v;
}

// --- Owners that leave: not candidates, not bugs -------------------------------

std::unique_ptr<Node> returnedUnique() {
  auto p = std::make_unique<Node>();
  return p;
}
std::shared_ptr<Node> returnedShared() { return std::make_shared<Node>(); }

std::unique_ptr<Node> g_owner;
void movedIntoGlobal() {
  auto p = std::make_unique<Node>();
  g_owner = std::move(p);
}

void consume(std::unique_ptr<Node> p);
void movedIntoCallee() {
  auto p = std::make_unique<Node>();
  consume(std::move(p));
}

// release() transfers ownership to the caller.
Node *released() {
  auto p = std::make_unique<Node>();
  return p.release();
}

struct Big {
  char data[100000];
};
int tooLargeForStack() {
  auto p = std::make_unique<Big>();
  return p->data[0];
}

Node *getOfParameter(std::unique_ptr<Node> &p) { return p.get(); }

// --- shared_ptr aliasing constructor ---------------------------------------------

// The aliasing constructor shares ownership of 'sp' but points at 'x'.
std::shared_ptr<int> aliasingLocal() {
  int x = 0;
  auto sp = std::make_shared<int>(1);
  return std::shared_ptr<int>(sp, &x); // CHECK: smart-pointers.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'aliasingLocal' returns [escape-return]
}

// '&sp->v' points into the shared Node, which the returned shared_ptr keeps
// alive (libstdc++'s operator->, defined in a base of shared_ptr, dereferences
// the owner; it does not borrow the local 'sp').
std::shared_ptr<int> aliasingMemberOfOwned() {
  auto sp = std::make_shared<Node>();
  return std::shared_ptr<int>(sp, &sp->v);
}

// --- get() / operator* of a local owner returned: dangles ------------------------

// The Node is deleted when 'p' is destroyed (issue 4: "get() of a local
// unique_ptr returned dangles").
Node *getOfLocalUnique() {
  auto p = std::make_unique<Node>();
  return p.get(); // CHECK: smart-pointers.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_unique<Node>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
int *getOfLocalUniqueInt() {
  auto p = std::make_unique<int>(3);
  return p.get(); // CHECK: smart-pointers.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_unique<int>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
Node &derefOfLocalUnique() {
  auto p = std::make_unique<Node>();
  return *p; // CHECK: smart-pointers.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_unique<Node>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
int *getOfLocalShared() {
  auto p = std::make_shared<int>(3);
  return p.get(); // CHECK: smart-pointers.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_shared<int>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
