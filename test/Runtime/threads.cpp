// Threads. After a join the process is single-threaded again and the check
// runs (the thread's store into a global is seen). While a detached thread
// still runs, the thread rule applies: the activation is reported
// UNVERIFIED, never judged on a partial root set.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/threads/claims.json -- %t \
// RUN:   | FileCheck %s

#include <atomic>
#include <thread>

struct Node {
  Node *Next;
  int Value;
};

Node *GShared;
std::atomic<Node *> GFromDetached;
std::atomic<bool> Release;

void publishJoined() { // FN: publishJoined _Z13publishJoinedv void
  Node *N = new Node{nullptr, 1}; // HEAP: noescape Node (WRONG)
  // CHECK: threads.cpp:[[@LINE-1]]: UNSOUND: publishJoined: heap 'Node' claimed not to escape: object {{.*}} held by global 'GShared' in the program
  std::thread T([N] { GShared = N; });
  T.join();
}

void useJoined() { // FN: useJoined _Z9useJoinedv void
  Node *N = new Node{nullptr, 2}; // HEAP: noescape Node
  // CHECK: threads.cpp:[[@LINE-1]]: CONFIRMED: useJoined: heap 'Node' claimed not to escape
  std::thread T([N] { N->Value = 3; });
  T.join();
  delete N;
}

void handToDetached() { // FN: handToDetached _Z14handToDetachedv void
  Node *N = new Node{nullptr, 4}; // HEAP: noescape Node (WRONG, but unverifiable)
  // CHECK: threads.cpp:[[@LINE-1]]: UNVERIFIED: handToDetached: heap 'Node' claimed not to escape: other threads were running at every return (thread rule
  std::thread([N] {
    while (!Release)
      std::this_thread::yield();
    GFromDetached = N;
  }).detach();
}

int main() {
  publishJoined();
  useJoined();
  handToDetached();
  Release = true;
  while (!GFromDetached)
    std::this_thread::yield();
  return 0;
}
// CHECK: summary: 3 claims in 3 functions, 1 run: 1 confirmed, 1 unsound, 0 imprecise, 1 unverified, 0 unobserved
