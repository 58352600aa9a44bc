// The analyzer's claims about std::function, checked on a real run: what a
// closure stored in a std::function captures lives as long as the
// std::function does.
//
// RUN: rm -f %t.claims.json
// RUN: not %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <functional>
#include <vector>

struct Node {
  Node *Next;
  int Value;
};

std::function<int()> GFn;
std::vector<std::function<int()>> GCallbacks;

void captureByRef() {
  int Y = 2;
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: captureByRef: &Y claimed to escape: address CFA-{{[0-9]+}} of the frame (&Y) held by global 'GFn'
  GFn = [&Y] { return Y; };
}

void captureHeap() {
  Node *N = new Node{nullptr, 3};
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: captureHeap: heap 'Node' claimed to escape
  GFn = [N] { return N->Value; };
}

void registerCallback(int V) {
  Node *N = new Node{nullptr, V};
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: registerCallback: heap 'Node' claimed to escape
  GCallbacks.push_back([N] { return N->Value; });
}

std::function<int()> makeAdder(int Base) {
  Node *N = new Node{nullptr, Base};
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: makeAdder: heap 'Node' claimed to escape
  return [N](){ return N->Value + 1; };
}

int localFunction() {
  int Z = 5;
  // CHECK-DAG: std-function.cpp:[[@LINE-1]]: CONFIRMED: localFunction: &Z claimed not to escape
  long Pad[6] = {};
  std::function<int()> F = [&Z, Pad] { return Z + int(Pad[0]); };
  return F();
}

int main() {
  captureByRef();
  GFn = nullptr;
  captureHeap();
  int S = GFn();
  registerCallback(4);
  std::function<int()> A = makeAdder(6);
  S += GCallbacks[0]() + A() + localFunction();
  GFn = nullptr;
  GCallbacks.clear();
  return S == 19 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
