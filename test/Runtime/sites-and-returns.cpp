// Two heap claims in one function are matched by the line of each call
// (every site is symbolized, at the call instruction), and a function that
// returns a double is checked without rax as a root: rax holds whatever the
// body left there (here the address of a local), not the return value.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%S/Inputs/sites-and-returns/claims.json -- %t \
// RUN:   | FileCheck %s

#include <memory>

struct Node {
  Node *Next;
  int Value;
};
struct Matrix {
  double Cells[9];
};

Node *GSink;

void twoSites() { // FN: twoSites _Z8twoSitesv void
  Node *A = new Node{nullptr, 1}; // HEAP: noescape Node
  // CHECK: sites-and-returns.cpp:[[@LINE-1]]: CONFIRMED: twoSites: heap 'Node' claimed not to escape: never escaped in 1 allocation
  GSink = new Node{A->Next, 2}; // HEAP: escapes Node
  // CHECK: sites-and-returns.cpp:[[@LINE-1]]: CONFIRMED: twoSites: heap 'Node' claimed to escape: object {{.*}} held by global 'GSink'
  delete A;
}

double owned() { // FN: owned _Z5ownedv value
  auto M = std::make_unique<Matrix>(); // HEAP: noescape Matrix // STACK: M noescape
  // CHECK: sites-and-returns.cpp:[[@LINE-1]]: CONFIRMED: owned: heap 'Matrix' claimed not to escape
  // CHECK: sites-and-returns.cpp:[[@LINE-2]]: CONFIRMED: owned: &M claimed not to escape
  M->Cells[0] = 4;
  return M->Cells[0];
}

int main() {
  twoSites();
  double D = owned();
  delete GSink;
  return D == 4 ? 0 : 1;
}
// CHECK: summary: 4 claims in 2 functions, 1 run: 4 confirmed, 0 unsound, 0 imprecise, 0 unverified, 0 unobserved
