// A node made by the program's factory function (its result is only a
// `new` of its own, or another factory's result, reaching nothing else:
// FunctionSummary::ReturnsAlloc) is a fresh object of the call, like a
// `new` written in the caller: a local's address stored into it escapes
// only if the node itself reaches something that outlives the local. Freed
// before the return, leaked on an early return, or never freed, nothing
// can read the address through it.
// A factory that also registers the node, or may return a shared one, does
// not return fresh storage: what is stored into its result is the heap.
// The factory and the free functions in the same file, then in another one.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 -DSAME_TU 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false %s %S/Inputs/factory-fresh-object-lib.cpp -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include "Inputs/factory-fresh-object.h"
#ifdef SAME_TU
#include "Inputs/factory-fresh-object-lib.cpp"
#endif

NodeRef g_root;
bool check(int);

void freed() {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count);
  NodeFree(n);
}

void freedWithItsRoot() {
  int count = 0;
  NodeRef root = NodeNew();
  NodeRef child = NodeNew();
  NodeSetContext(child, &count);
  NodeInsertChild(root, child);
  NodeFreeRecursive(root);
}

// A failing test assertion returns before the free: the node leaks, and
// nothing can reach it.
void leakedOnEarlyReturn(int x) {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count);
  if (!check(x))
    return;
  NodeFree(n);
}

void neverFreed() {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count);
}

void keptInGlobalTree() {
  int count = 0;
  NodeRef child = NodeNew();
  NodeSetContext(child, &count);
  NodeInsertChild(g_root, child); // CHECK-DAG: factory-fresh-object.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
}

void keptInGlobal() {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count);
  g_root = n; // CHECK-DAG: factory-fresh-object.cpp:[[@LINE]]:3: warning: address of local 'count' is stored in global 'g_root'
}

NodeRef returned() {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count);
  return n; // CHECK-DAG: factory-fresh-object.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the caller
}

void registered() {
  int count = 0;
  NodeRef n = NodeNewRegistered();
  NodeSetContext(n, &count); // CHECK-DAG: factory-fresh-object.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
  NodeFree(n);
}

void maybeShared() {
  int count = 0;
  NodeRef n = NodeNewOrDefault(true);
  NodeSetContext(n, &count); // CHECK-DAG: factory-fresh-object.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
}
