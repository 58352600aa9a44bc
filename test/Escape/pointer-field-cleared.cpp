// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// A local's address stored into a field of what a never-reassigned pointer
// variable points to (a parameter's object, one read from a member) and
// cleared through the same variable before the frame ends, like a global
// or a member of *this (set, use, clear). A clear under a test of the local
// itself (the callback's destructor sets the flag it was given, and then
// the record is gone) is a maybe.

struct Node {
  Node *next = nullptr;
  bool *flag = nullptr;
  int *other = nullptr;
  void run();
};
void spin();

struct Source {
  Node *head = nullptr;
  void clearedAfter();
  void clearedLaterInLoop();
  void neverCleared();
  void otherFieldCleared();
  void repointed(Node *m);
  void testedFlag();
  void testedOther(bool done);
};

// Not reported: cleared on the next line.
void Source::clearedAfter() {
  Node *n = head;
  bool flag = false;
  n->flag = &flag;
  n->flag = nullptr;
}

// Not reported: cleared after a call, in a loop over the list.
void Source::clearedLaterInLoop() {
  while (head != nullptr) {
    Node *n = head;
    head = n->next;
    bool flag = false;
    n->flag = &flag;
    n->run();
    n->flag = nullptr;
  }
}

// Not reported: the same through a pointer parameter.
void throughParam(Node *n) {
  bool flag = false;
  n->flag = &flag;
  spin();
  n->flag = nullptr;
}

// Reported: never cleared.
void Source::neverCleared() {
  Node *n = head;
  bool flag = false;
  n->flag = &flag; // CHECK: pointer-field-cleared.cpp:[[@LINE]]:3: warning: address of local 'flag' {{.*}}[escape-member]
  spin();
}

// Reported: another field is cleared.
void Source::otherFieldCleared() {
  Node *n = head;
  bool flag = false;
  n->flag = &flag; // CHECK: pointer-field-cleared.cpp:[[@LINE]]:3: warning: address of local 'flag' {{.*}}[escape-member]
  n->other = nullptr;
}

// Reported: the pointer is re-pointed, the clear may be of another node.
void Source::repointed(Node *m) {
  Node *n = head;
  bool flag = false;
  n->flag = &flag; // CHECK: pointer-field-cleared.cpp:[[@LINE]]:3: warning: address of local 'flag' {{.*}}[escape-member]
  n = m;
  n->flag = nullptr;
}

// A maybe: cleared unless the node set the flag (libunifex's
// inplace_stop_source::request_stop).
void Source::testedFlag() {
  Node *n = head;
  bool flag = false;
  n->flag = &flag; // MAYBE: pointer-field-cleared.cpp:[[@LINE]]:3: warning: address of local 'flag' {{.*}}[escape-member]
  n->run();
  if (!flag)
    n->flag = nullptr;
}

// Reported: cleared under a test of something else.
void Source::testedOther(bool done) {
  Node *n = head;
  bool flag = false;
  n->flag = &flag; // CHECK: pointer-field-cleared.cpp:[[@LINE]]:3: warning: address of local 'flag' {{.*}}[escape-member]
  if (!done)
    n->flag = nullptr;
}
