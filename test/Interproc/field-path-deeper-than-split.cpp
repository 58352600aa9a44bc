// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A callee's fact about a member of a member (`List::head/Node::next`,
// what `PopFront` returns) given an argument that is itself a member
// (`tasks.PopFront()` in a method): the caller splits its argument one
// level less deep, so the fact applies to the caller's node for the
// enclosing member (`tasks.head`), which holds what its fields hold, not
// to everything the argument holds. A queue whose empty state points at
// its own member sentinel (`tail = &head`, YACLib's ManualExecutor) then
// hands out its nodes, never the sentinel: a virtual call on a popped node
// does not leak the executor.

#include <vector>

struct Node {
  Node *next = nullptr;
};
struct Job : Node {
  virtual void Call() = 0;
  virtual ~Job() = default;
};
std::vector<Job *> *gDone = new std::vector<Job *>;
struct Recorded final : Job {
  void Call() override { gDone->push_back(this); } // keeps the job
};
struct List {
  Node head;
  Node *tail = &head;
  bool Empty() const { return head.next == nullptr; }
  void PushBack(Node &n) {
    n.next = nullptr;
    tail->next = &n;
    tail = &n;
  }
  Node &PopFront() {
    Node *n = head.next;
    head.next = n->next;
    if (head.next == nullptr)
      tail = &head;
    return *n;
  }
};
Node *gKept;
struct Manual {
  List tasks;
  void Submit(Job &j) { tasks.PushBack(j); }
  int Drain() {
    int done = 0;
    while (!tasks.Empty()) {
      ++done;
      static_cast<Job &>(tasks.PopFront()).Call();
    }
    return done;
  }
  void KeepFront() { gKept = &tasks.PopFront(); }
  void KeepTail() { gKept = tasks.tail; }
};

// The executor is not a job: nothing keeps it.
int heapJobDrained() {
  Manual e;
  e.Submit(*new Recorded);
  return e.Drain();
}

// A local job run by Drain is kept by its Call().
int localJobDrained() {
  Manual e;
  Recorded r;
  e.tasks.PushBack(r);
  // CHECK: [[@LINE+1]]:10: warning: address of local 'r' {{.*}}
  return e.Drain();
}

// A popped node kept in a global: the local job, not the executor.
void localJobKept() {
  Manual e;
  Recorded r;
  e.tasks.PushBack(r);
  // CHECK: [[@LINE+1]]:3: warning: address of local 'r' {{.*}}
  e.KeepFront();
}

// The tail kept in a global is the sentinel once the queue is empty again:
// the executor itself.
void tailKept() {
  Manual e;
  e.tasks.PushBack(*new Recorded);
  e.tasks.PopFront();
  // CHECK: [[@LINE+1]]:3: warning: address of local 'e' {{.*}}
  e.KeepTail();
}
void tailKeptFromConstructor() {
  Manual e;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'e' {{.*}}
  e.KeepTail();
}
