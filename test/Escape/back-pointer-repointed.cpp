// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A tree whose nodes own their children and point each child back at its
// parent (`child.parent = this`, nlohmann/json's set_parents): a temporary
// moved into a longer-lived node leaves its children pointing at the new
// owner when the move constructor points them again. Reported when a copy
// or move can leave them pointing at the old one: a move that does not
// point them again, or a copy the compiler writes.

#include <utility>
#include <vector>

struct Node {
  Node *parent = nullptr;
  std::vector<Node> *kids = nullptr;
  Node() = default;
  explicit Node(int n) : kids(new std::vector<Node>(n)) { setParents(); }
  Node(Node &&o) noexcept : kids(o.kids) {
    o.kids = nullptr;
    setParents();
  }
  Node(const Node &o)
      : kids(o.kids ? new std::vector<Node>(*o.kids) : nullptr) {
    setParents();
  }
  Node &operator=(Node o) {
    std::swap(kids, o.kids);
    setParents();
    return *this;
  }
  ~Node() { delete kids; }
  void setParents() {
    if (kids)
      for (Node &k : *kids)
        k.parent = this;
  }
};

// A move that leaves the children pointing at the source.
struct Stale {
  Stale *parent = nullptr;
  std::vector<Stale> *kids = nullptr;
  Stale() = default;
  explicit Stale(int n) : kids(new std::vector<Stale>(n)) { setParents(); }
  Stale(Stale &&o) noexcept : kids(o.kids) { o.kids = nullptr; }
  ~Stale() { delete kids; }
  void setParents() {
    for (Stale &k : *kids)
      k.parent = this;
  }
};

// Copies the compiler writes share the children and leave them as they
// were.
struct Shared {
  Shared *parent = nullptr;
  std::vector<Shared> *kids = nullptr;
  Shared() = default;
  explicit Shared(int n) : kids(new std::vector<Shared>(n)) {
    for (Shared &k : *kids)
      k.parent = this;
  }
};

// Whether the move points them again is a template argument: only the
// branch the instantiation runs counts.
template <bool Repoint> struct Tree {
  Tree *parent = nullptr;
  std::vector<Tree> *kids = nullptr;
  Tree() = default;
  explicit Tree(int n) : kids(new std::vector<Tree>(n)) { setParents(); }
  Tree(Tree &&o) noexcept : kids(o.kids) {
    o.kids = nullptr;
    if (Repoint)
      setParents();
  }
  ~Tree() { delete kids; }
  void setParents() {
    for (Tree &k : *kids)
      k.parent = this;
  }
};

int use(const Node &);
int use(const Stale &);
int use(const Shared &);
template <bool R> int use(const Tree<R> &);

int moved() {
  Node j(std::move(Node(3)));
  Node k(2);
  k = std::move(Node(4));
  Node c(Node(Node(5)));
  return use(j) + use(k) + use(c);
}

int stale() {
  Stale j(std::move(Stale(3)));
  // CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}temporary{{.*}}[escape-scope]
  return use(j);
}

int shared() {
  Shared j(std::move(Shared(3)));
  // CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: temporary 'Shared' escapes to the heap{{.*}}[escape-heap]
  return use(j);
}

int trees() {
  Tree<true> a(std::move(Tree<true>(3)));
  Tree<false> b(std::move(Tree<false>(3)));
  // CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: temporary 'Tree<false>'{{.*}}[escape-scope]
  return use(a) + use(b);
}
