// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A factory whose object keeps an argument (`new Node(config)`, yoga's
// YGNodeNewWithConfig): its result is the object, and the argument is in
// the object, not in the result. A store into the object is not a store
// into what the argument refers to, and a factory calling another with a
// value from outside (a global default) still returns fresh storage.

struct Config {
  int scale = 1;
};
struct Node {
  const Config *config;
  int *context = nullptr;
  explicit Node(const Config *c) : config(c) {}
};
Config defaults;
const Config *defaultConfig() { return &defaults; }
Node *nodeNew(const Config *c) { return new Node(c); }
Node *nodeNewDefault() { return nodeNew(defaultConfig()); }
void nodeFree(Node *n) { delete n; }

int counted(const Config *c) {
  int count = 0;
  Node *n = nodeNew(c);
  n->context = &count; // not into what 'c' refers to
  nodeFree(n);
  return count;
}
int countedDefault() {
  int count = 0;
  Node *n = nodeNewDefault(); // fresh storage
  n->context = &count;
  nodeFree(n);
  return count;
}
// The argument is in the returned object: a local given to it escapes
// with the object.
const Node *withLocalConfig() {
  Config local;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'local' escapes to the caller{{.*}} [escape-return]
  return nodeNew(&local);
}
Node *kept;
void keepWithLocalConfig() {
  Config local;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'local' is stored in global 'kept'{{.*}} [escape-global]
  kept = nodeNew(&local);
}
