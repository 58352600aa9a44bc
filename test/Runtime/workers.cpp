// A program that does its work on std::thread workers, the way a benchmark
// runs everything on a worker. Every thread is registered and stopped at a
// check (its registers, stack and TLS are roots), so claims of functions
// that ran only on workers are judged, several workers check at once, and an
// object held only by another thread's stack is seen.
//
// RUN: %clangxx -std=c++17 %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/workers/claims.json -- %t \
// RUN:   | FileCheck %s

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

struct Node {
  Node *Next;
  int Value;
};

Node *GList;
std::mutex GLock;
std::atomic<Node *> Mailbox;
std::atomic<int> Phase;

int sumLocal(int N) { // FN: sumLocal _Z8sumLocali value
  Node *Tmp = new Node{nullptr, N}; // HEAP: noescape Node
  // CHECK-DAG: workers.cpp:[[@LINE-1]]: CONFIRMED: sumLocal: heap 'Node' claimed not to escape: never escaped in 800 allocations
  int Local = N; // STACK: Local noescape
  // CHECK-DAG: workers.cpp:[[@LINE-1]]: CONFIRMED: sumLocal: &Local claimed not to escape: no address into the frame outlived {{[1-9][0-9]*}} checked activations
  int *P = &Local;
  int R = *P + Tmp->Value;
  delete Tmp;
  return R;
}

void publish(int N) { // FN: publish _Z7publishi void
  Node *X = new Node{nullptr, N}; // HEAP: escapes Node
  // CHECK-DAG: workers.cpp:[[@LINE-1]]: CONFIRMED: publish: heap 'Node' claimed to escape: object {{.*}} held by global 'GList' in the program
  std::lock_guard<std::mutex> Guard(GLock);
  X->Next = GList;
  GList = X;
}

// At lend's return the object is held only by a local of the peer thread,
// which is running: only a scan of the peer's stack and registers sees it.
void lend() { // FN: lend _Z4lendv void
  Node *X = new Node{nullptr, 7}; // HEAP: noescape Node (WRONG)
  // CHECK-DAG: workers.cpp:[[@LINE-1]]: UNSOUND: lend: heap 'Node' claimed not to escape: object {{.*}} held by {{(stack slot 0x[0-9a-f]+|register [a-z0-9]+)}} of thread {{[0-9]+}}
  Mailbox = X;
  while (Phase.load() != 1)
    std::this_thread::yield();
}

void peer() {
  while (!Mailbox.load())
    std::this_thread::yield();
  Node *volatile Held = Mailbox.exchange(nullptr);
  Phase = 1;
  while (Phase.load() != 2)
    std::this_thread::yield();
  delete Held;
}

void work(int Id) {
  for (int I = 0; I < 200; ++I) {
    sumLocal(Id * 1000 + I);
    publish(I);
  }
}

int main() {
  std::thread Peer(peer);
  std::thread Lender([] {
    lend();
    Phase = 2;
  });
  Lender.join();
  Peer.join();
  std::vector<std::thread> Workers;
  for (int Id = 0; Id < 4; ++Id)
    Workers.emplace_back(work, Id);
  for (std::thread &W : Workers)
    W.join();
  return 0;
}
// CHECK: summary: 4 claims in 3 functions, 1 run: 3 confirmed, 1 unsound, 0 imprecise, 0 unverified, 0 unobserved
