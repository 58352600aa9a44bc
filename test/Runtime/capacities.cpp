// No fixed capacity turns into a wrong verdict. A function with 70
// allocating call sites gets a verdict at each of them (the site table
// grows; it used to stop at 64 and charge later sites to the first one).
// Pointers that earlier calls left in a popped std::deque's buffer and that
// alias a later frame are remembered at entry, however many there are (the
// table used to keep 8: the 9th became a false UNSOUND); past the pool, every
// hit of the activation is undecidable, never UNSOUND.
//
// RUN: %clangxx -std=c++17 %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%S/Inputs/capacities/claims.json -- %t \
// RUN:   | FileCheck %s

#include <deque>

struct Node {
  Node *Next;
  int Value;
};

Node *GLast;
std::deque<int *> Queue;

void manySites() {               // FN: manySites _Z9manySitesv void
  delete new Node{nullptr, 0};   // HEAP: noescape Node
  delete new Node{nullptr, 1};   // HEAP: noescape Node
  delete new Node{nullptr, 2};   // HEAP: noescape Node
  delete new Node{nullptr, 3};   // HEAP: noescape Node
  delete new Node{nullptr, 4};   // HEAP: noescape Node
  delete new Node{nullptr, 5};   // HEAP: noescape Node
  delete new Node{nullptr, 6};   // HEAP: noescape Node
  delete new Node{nullptr, 7};   // HEAP: noescape Node
  delete new Node{nullptr, 8};   // HEAP: noescape Node
  delete new Node{nullptr, 9};   // HEAP: noescape Node
  delete new Node{nullptr, 10};  // HEAP: noescape Node
  delete new Node{nullptr, 11};  // HEAP: noescape Node
  delete new Node{nullptr, 12};  // HEAP: noescape Node
  delete new Node{nullptr, 13};  // HEAP: noescape Node
  delete new Node{nullptr, 14};  // HEAP: noescape Node
  delete new Node{nullptr, 15};  // HEAP: noescape Node
  delete new Node{nullptr, 16};  // HEAP: noescape Node
  delete new Node{nullptr, 17};  // HEAP: noescape Node
  delete new Node{nullptr, 18};  // HEAP: noescape Node
  delete new Node{nullptr, 19};  // HEAP: noescape Node
  delete new Node{nullptr, 20};  // HEAP: noescape Node
  delete new Node{nullptr, 21};  // HEAP: noescape Node
  delete new Node{nullptr, 22};  // HEAP: noescape Node
  delete new Node{nullptr, 23};  // HEAP: noescape Node
  delete new Node{nullptr, 24};  // HEAP: noescape Node
  delete new Node{nullptr, 25};  // HEAP: noescape Node
  delete new Node{nullptr, 26};  // HEAP: noescape Node
  delete new Node{nullptr, 27};  // HEAP: noescape Node
  delete new Node{nullptr, 28};  // HEAP: noescape Node
  delete new Node{nullptr, 29};  // HEAP: noescape Node
  delete new Node{nullptr, 30};  // HEAP: noescape Node
  delete new Node{nullptr, 31};  // HEAP: noescape Node
  delete new Node{nullptr, 32};  // HEAP: noescape Node
  delete new Node{nullptr, 33};  // HEAP: noescape Node
  delete new Node{nullptr, 34};  // HEAP: noescape Node
  delete new Node{nullptr, 35};  // HEAP: noescape Node
  delete new Node{nullptr, 36};  // HEAP: noescape Node
  delete new Node{nullptr, 37};  // HEAP: noescape Node
  delete new Node{nullptr, 38};  // HEAP: noescape Node
  delete new Node{nullptr, 39};  // HEAP: noescape Node
  delete new Node{nullptr, 40};  // HEAP: noescape Node
  delete new Node{nullptr, 41};  // HEAP: noescape Node
  delete new Node{nullptr, 42};  // HEAP: noescape Node
  delete new Node{nullptr, 43};  // HEAP: noescape Node
  delete new Node{nullptr, 44};  // HEAP: noescape Node
  delete new Node{nullptr, 45};  // HEAP: noescape Node
  delete new Node{nullptr, 46};  // HEAP: noescape Node
  delete new Node{nullptr, 47};  // HEAP: noescape Node
  delete new Node{nullptr, 48};  // HEAP: noescape Node
  delete new Node{nullptr, 49};  // HEAP: noescape Node
  delete new Node{nullptr, 50};  // HEAP: noescape Node
  delete new Node{nullptr, 51};  // HEAP: noescape Node
  delete new Node{nullptr, 52};  // HEAP: noescape Node
  delete new Node{nullptr, 53};  // HEAP: noescape Node
  delete new Node{nullptr, 54};  // HEAP: noescape Node
  delete new Node{nullptr, 55};  // HEAP: noescape Node
  delete new Node{nullptr, 56};  // HEAP: noescape Node
  delete new Node{nullptr, 57};  // HEAP: noescape Node
  delete new Node{nullptr, 58};  // HEAP: noescape Node
  delete new Node{nullptr, 59};  // HEAP: noescape Node
  delete new Node{nullptr, 60};  // HEAP: noescape Node
  delete new Node{nullptr, 61};  // HEAP: noescape Node
  delete new Node{nullptr, 62};  // HEAP: noescape Node
  delete new Node{nullptr, 63};  // HEAP: noescape Node
  delete new Node{nullptr, 64};  // HEAP: noescape Node
  delete new Node{nullptr, 65};  // HEAP: noescape Node
  delete new Node{nullptr, 66};  // HEAP: noescape Node
  delete new Node{nullptr, 67};  // HEAP: noescape Node
  delete new Node{nullptr, 68};  // HEAP: noescape Node
  GLast = new Node{nullptr, 69}; // HEAP: escapes Node
}
// CHECK-NOT: UNVERIFIED: manySites
// CHECK-NOT: UNSOUND: manySites
// CHECK: capacities.cpp:93: CONFIRMED: manySites: heap 'Node' claimed to escape: object {{.*}} held by global 'GLast'

// Leaves N copies of a pointer into its own frame (where the later
// functions keep Local: rbp-8 at -O0) in the deque's buffer, then pops them:
// the buffer keeps the values.
__attribute__((noinline)) void leaveStale(int N) {
  int *Where = reinterpret_cast<int *>(
      static_cast<char *>(__builtin_frame_address(0)) - 8);
  for (int I = 0; I < N; ++I)
    Queue.push_back(Where);
  for (int I = 0; I < N; ++I)
    Queue.pop_back();
}

// Runs where leaveStale ran: the stale pointers alias its frame.
int victim(int V) { // FN: victim _Z6victimi value
  int Local = V; // STACK: Local noescape
  int *P = &Local;
  return *P + 1;
}

int victimMany(int V) { // FN: victimMany _Z10victimManyi value
  int Local = V; // STACK: Local noescape
  int *P = &Local;
  return *P + 1;
}

int main() {
  manySites();
  for (int Round = 0; Round < 3; ++Round) {
    leaveStale(12);
    victim(Round);
  }
  leaveStale(40);
  victimMany(1);
  return 0;
}
// CHECK: capacities.cpp:{{[0-9]+}}: UNVERIFIED: victim: &Local claimed not to escape: a pointer into the frame left by an earlier call was still there at return
// CHECK: capacities.cpp:{{[0-9]+}}: UNVERIFIED: victimMany: &Local claimed not to escape: a pointer into the frame left by an earlier call
// CHECK: summary: 72 claims in 3 functions, 1 run: 70 confirmed, 0 unsound, 0 imprecise, 2 unverified, 0 unobserved
