// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE --implicit-check-not=warning:

// A `delete` or `free()` ends the object its pointer points to: a local
// that keeps the object's address and reads it afterwards reads a freed
// object, whichever local the delete went through.

#include <cstdlib>

struct Obj {
  int id;
  ~Obj();
};

int direct() {
  int *p = new int(1); // CHECK: freed-object-used.cpp:[[@LINE]]:8: warning: new int is freed by 'delete p' at line [[@LINE+1]], but 'p' keeps its address and is used after that [escape-scope]
  delete p;
  return *p;
}

int throughAlias() {
  Obj *p = new Obj;
  Obj *q = p; // CHECK: freed-object-used.cpp:[[@LINE]]:8: warning: new Obj is freed by 'delete p' at line [[@LINE+1]], but 'q' keeps its address{{.*}}[escape-scope]
  delete p;
  return q->id;
}

// A free of a pointer that may point to one of several objects, or a
// holder that may point to one of several: which one is not known, a maybe.
int eitherFreed(bool c) {
  int *p1 = new int; // MAYBE: freed-object-used.cpp:[[@LINE]]:8: warning: new int is freed by 'delete (c ? p1 : p2)'{{.*}}'p1'{{.*}} (maybe: it may point to another object then) [escape-scope]
  int *p2 = new int; // MAYBE: freed-object-used.cpp:[[@LINE]]:8: warning: new int is freed by 'delete (c ? p1 : p2)'{{.*}}'p2'{{.*}}[escape-scope]
  delete (c ? p1 : p2);
  return *p1 + *p2;
}

int grownBuffer() {
  int *buf = new int[4]; // MAYBE: freed-object-used.cpp:[[@LINE]]:8: warning: new int[] is freed by 'delete[] old'{{.*}}'buf'{{.*}}(maybe{{.*}}[escape-scope]
  int *old = buf;
  buf = new int[8]; // MAYBE: freed-object-used.cpp:[[@LINE]]:3: warning: new int[] is freed by 'delete[] old'{{.*}}'buf'{{.*}}(maybe{{.*}}[escape-scope]
  delete[] old;
  buf[0] = 1;
  int v = buf[0];
  delete[] buf;
  return v;
}

int stackObjectDeleted() {
  Obj obj;
  Obj *p = &obj; // CHECK: freed-object-used.cpp:[[@LINE]]:8: warning: local 'obj' is freed by 'delete &obj'{{.*}}[escape-scope]
  delete &obj;
  return p->id;
}

char mallocFreed() {
  char *b = static_cast<char *>(std::malloc(4)); // CHECK: freed-object-used.cpp:[[@LINE]]:9: warning: {{.*}} is freed by 'std::free(b)'{{.*}}'b' keeps its address{{.*}}[escape-scope]
  std::free(b);
  return b[0];
}

// Negatives: re-pointed or cleared before the read, freed on one branch
// only, freed each iteration, or freed after the last read.
int repointed() {
  int *p = new int;
  delete p;
  p = new int(2);
  int v = *p;
  delete p;
  return v;
}

#define SAFE_DELETE(p)                                                        \
  {                                                                            \
    delete p;                                                                  \
    p = nullptr;                                                               \
  }

bool clearedByMacro() {
  int *p = new int;
  SAFE_DELETE(p)
  return p != nullptr;
}

bool cleared() {
  int *p = new int;
  delete p;
  p = nullptr;
  return p != nullptr;
}

int freedOnOneBranch(bool done) {
  int *p = new int(3);
  if (done)
    delete p;
  return done ? 0 : *p;
}

void freedEachIteration() {
  for (int i = 0; i < 3; ++i) {
    int *p = new int(i);
    delete p;
  }
}

struct Node {
  Node *next;
};

int sumAndFree() {
  Node *nodes[2] = {new Node{nullptr}, new Node{nullptr}};
  int n = 0;
  for (Node *node : nodes) {
    n += node->next == nullptr;
    delete node;
  }
  return n;
}

void freeList(Node *head) {
  while (head) {
    Node *next = head->next;
    delete head;
    head = next;
  }
}

int readBeforeFree() {
  int *p = new int(4);
  int v = *p;
  delete p;
  return v;
}
