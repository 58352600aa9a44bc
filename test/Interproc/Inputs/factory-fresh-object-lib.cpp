#include "factory-fresh-object.h"
#include <vector>

struct Node {
  void *context = nullptr;
  Node *owner = nullptr;
  std::vector<Node *> children;
};
static Node *resolve(NodeRef n) { return reinterpret_cast<Node *>(n); }

static NodeRef newWith(int) {
  auto *n = new Node;
  return reinterpret_cast<NodeRef>(n);
}
NodeRef NodeNew() { return newWith(0); }
void NodeSetContext(NodeRef n, void *c) { resolve(n)->context = c; }
void NodeInsertChild(NodeRef n, NodeRef child) {
  resolve(n)->children.push_back(resolve(child));
  resolve(child)->owner = resolve(n);
}
static void finalize(Node *n) { delete n; }
void NodeFree(NodeRef n) {
  Node *node = resolve(n);
  if (node->owner)
    node->owner = nullptr;
  finalize(node);
}
// The tree's nodes freed from the root, under a wrapper taking the handle.
static void freeTree(Node *root) {
  while (!root->children.empty()) {
    Node *c = root->children.back();
    root->children.pop_back();
    freeTree(c);
  }
  NodeFree(reinterpret_cast<NodeRef>(root));
}
void NodeFreeRecursive(NodeRef n) { freeTree(resolve(n)); }

static std::vector<Node *> registry;
NodeRef NodeNewRegistered() {
  Node *n = new Node;
  registry.push_back(n);
  return reinterpret_cast<NodeRef>(n);
}
static Node defaultNode;
NodeRef NodeNewOrDefault(bool fresh) {
  return reinterpret_cast<NodeRef>(fresh ? new Node : &defaultNode);
}
