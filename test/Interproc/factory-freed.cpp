// A node made by the program's factory function (a `new` in a callee,
// FunctionSummary::ReturnsAlloc) and freed by its free function (a `delete`
// in a callee, Frees) on every path before the return is released like one
// made and deleted in the function: what is stored into it dies with it.
// A tree freed from its root frees the nodes inserted into it (FreesHeld).
// The factory and the free functions in the same file, then in another one.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 -DSAME_TU 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false %s %S/Inputs/factory-freed-lib.cpp -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:

#include "Inputs/factory-freed.h"
#ifdef SAME_TU
#include "Inputs/factory-freed-lib.cpp"
#endif

NodeRef g_root;

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

void keptInGlobalTree() {
  int count = 0;
  NodeRef child = NodeNew();
  NodeSetContext(child, &count); // CHECK-DAG: factory-freed.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
  NodeInsertChild(g_root, child);
}

void notFreed() {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count); // CHECK-DAG: factory-freed.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
}

void freedOnOneBranch(bool b) {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count); // CHECK-DAG: factory-freed.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
  if (b)
    NodeFree(n);
}

void freedAfterReturn(bool b) {
  int count = 0;
  NodeRef n = NodeNew();
  NodeSetContext(n, &count); // CHECK-DAG: factory-freed.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
  if (b)
    return;
  NodeFree(n);
}

// NodeFree frees the root alone: the child stays.
void rootFreedAlone() {
  int count = 0;
  NodeRef root = NodeNew();
  NodeRef child = NodeNew();
  NodeSetContext(child, &count); // CHECK-DAG: factory-freed.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
  NodeInsertChild(root, child);
  NodeFree(root);
}

// Inserted after its root was freed: not freed with it.
void insertedAfterFree() {
  NodeRef root = NodeNew();
  NodeFreeRecursive(root);
  int count = 0;
  NodeRef child = NodeNew();
  NodeInsertChild(root, child);
  NodeSetContext(child, &count); // CHECK-DAG: factory-freed.cpp:[[@LINE]]:3: warning: address of local 'count' escapes to the heap
}
