// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A local's address stored into a member of what a pointer parameter points
// to, and overwritten later on every path before the function returns ("set,
// use, clear"), does not reach the caller's object: the rule members of
// *this follow, for the object a parameter points to.

struct Node {
  int *value = nullptr;
  Node *next = nullptr;
};

void use(Node *n);

// Cleared in the same block: not reported.
void clearedInBlock(Node *n) {
  int local = 0;
  n->value = &local;
  use(n);
  n->value = nullptr;
}

// Cleared after the nested block that holds the store: not reported.
void clearedAfterBlock(Node *n, bool c) {
  int local = 0;
  if (c) {
    n->value = &local;
    use(n);
  }
  n->value = nullptr;
}

// Never cleared: reported.
void neverCleared(Node *n) {
  int local = 0;
  n->value = &local; // CHECK: parameter-member-set-then-clear.cpp:[[@LINE]]:3: warning: address of local 'local' is stored into the object parameter 'n' refers to; 'local' dangles when 'neverCleared' returns [escape-member]
  use(n);
}

// A return between the store and the clear: reported.
void returnBeforeClear(Node *n, bool c) {
  int local = 0;
  n->value = &local; // CHECK: parameter-member-set-then-clear.cpp:[[@LINE]]:3: warning: address of local 'local' is stored into the object parameter 'n' refers to{{.*}}[escape-member]
  if (c)
    return;
  n->value = nullptr;
}

// Another member overwritten: the store stays, reported.
void otherMemberCleared(Node *n) {
  int local = 0;
  n->value = &local; // CHECK: parameter-member-set-then-clear.cpp:[[@LINE]]:3: warning: address of local 'local' is stored into the object parameter 'n' refers to{{.*}}[escape-member]
  n->next = nullptr;
}

// The same member of another parameter's object: reported.
void otherObjectCleared(Node *n, Node *m) {
  int local = 0;
  n->value = &local; // CHECK: parameter-member-set-then-clear.cpp:[[@LINE]]:3: warning: address of local 'local' is stored into the object parameter 'n' refers to{{.*}}[escape-member]
  m->value = nullptr;
}
