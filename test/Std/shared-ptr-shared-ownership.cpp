// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A reference to the object of a local shared_ptr dangles when the local
// dies only if the local was its only owner. A copy of the shared_ptr kept
// elsewhere (a set, a vector, a member) keeps the object alive: the local's
// death ends only its own share (yaml-cpp's memory::create_node).
// libstdc++ defines shared_ptr's `*` and `->` in a base class
// (__shared_ptr_access): they reach the owned object, not the local.

#include <memory>
#include <set>
#include <vector>

struct Node {
  int value = 0;
};

struct Memory {
  std::set<std::shared_ptr<Node>> m_nodes;
  Node &create_node() {
    std::shared_ptr<Node> pNode(std::make_shared<Node>());
    m_nodes.insert(pNode);
    return *pNode;
  }
};

struct Holder {
  std::shared_ptr<Node> keep;
  std::vector<std::shared_ptr<Node>> all;
  Node &make() {
    std::shared_ptr<Node> p = std::make_shared<Node>();
    keep = p;
    return *p;
  }
  Node *pushed() {
    auto p = std::make_shared<Node>();
    all.push_back(p);
    return p.get();
  }
  int *member() {
    auto p = std::make_shared<Node>();
    keep = p;
    return &p->value;
  }
};

// The only owner: the object dies with it.
Node &onlyOwner() {
  std::shared_ptr<Node> p(std::make_shared<Node>());
  return *p; // CHECK: shared-ptr-shared-ownership.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_shared<Node>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
int *memberOfOnlyOwner() {
  auto p = std::make_shared<Node>();
  if (p)
    p->value = 1;
  return &p->value; // CHECK: shared-ptr-shared-ownership.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_shared<Node>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
// A unique_ptr is not shared by being looked at.
void look(const std::unique_ptr<Node> &);
Node &uniqueLookedAt() {
  auto p = std::make_unique<Node>();
  look(p);
  return *p; // CHECK: shared-ptr-shared-ownership.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'p' (std::make_unique<Node>) escapes through a raw pointer or reference (sink ~r0){{.*}}[escape-return]
}
