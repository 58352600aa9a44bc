// Threads. A joined thread's store into a global is seen. A detached thread
// that is still running is stopped at the check and its roots are scanned:
// the object handed to it is held by its start argument (it has not even
// registered yet) or by its stack.
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
  Node *N = new Node{nullptr, 4}; // HEAP: noescape Node (WRONG)
  // CHECK: threads.cpp:[[@LINE-1]]: UNSOUND: handToDetached: heap 'Node' claimed not to escape: object {{.*}} held by {{.*(start argument of a thread being created|of thread [0-9]+)}}
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
// CHECK: summary: 3 claims in 3 functions, 1 run: 1 confirmed, 2 unsound, 0 imprecise, 0 unverified, 0 unobserved
