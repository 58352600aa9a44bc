// The analyzer's claims about lambdas, checked on a real run: a closure
// returned by value carries what it captures out of the function; a closure
// used in place does not. The closures' own bodies are claimed functions too.
//
// RUN: rm -f %t.claims.json
// RUN: not %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags -Wno-dangling %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;

auto makeCounter() {
  int Count = 0;
  // CHECK-DAG: lambdas.cpp:[[@LINE-1]]: CONFIRMED: makeCounter: &Count claimed to escape: address CFA-{{[0-9]+}} of the frame (&Count) held by register rax (return value)
  return [&Count] { return ++Count; };
}

auto makeOwner() {
  Node *N = new Node{nullptr, 7};
  // CHECK-DAG: lambdas.cpp:[[@LINE-1]]: CONFIRMED: makeOwner: heap 'Node' claimed to escape: object {{.*}} held by register rax (return value)
  return [N] { return N->Value; };
}

int applyLocal() {
  int X = 1;
  // CHECK-DAG: lambdas.cpp:[[@LINE-1]]: CONFIRMED: applyLocal: &X claimed not to escape
  auto Add = [&X](int Y) { return X + Y; };
  return Add(2);
}

void publishFromLambda() {
  Node *N = new Node{nullptr, 8};
  // CHECK-DAG: lambdas.cpp:[[@LINE-1]]: CONFIRMED: publishFromLambda: heap 'Node' claimed to escape: object {{.*}} held by global 'GSink'
  auto Publish = [N] { GSink = N; };
  Publish();
}

int allocInLambda() {
  auto Make = [](int V) { return new Node{nullptr, V}; };
  // CHECK-DAG: lambdas.cpp:[[@LINE-1]]: CONFIRMED: allocInLambda::lambda@[[@LINE-1]]: heap 'Node' claimed to escape: object {{.*}} held by register rax (return value)
  Node *N = Make(9);
  int V = N->Value;
  delete N;
  return V;
}

int main() {
  (void)makeCounter(); // never called: it would use a dangling reference
  auto Owner = makeOwner();
  publishFromLambda();
  int S = Owner() + applyLocal() + allocInLambda() + GSink->Value;
  delete GSink;
  return S == 27 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
