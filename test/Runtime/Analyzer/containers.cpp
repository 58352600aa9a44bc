// The analyzer's claims about standard containers, checked on a real run:
// a pointer pushed into a container that outlives the function escapes with
// it; a container local to the function keeps nothing alive.
//
// RUN: rm -f %t.claims.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <map>
#include <memory>
#include <string>
#include <vector>

struct Node {
  Node *Next;
  int Value;
};

std::vector<Node *> GNodes;
std::map<int, std::unique_ptr<Node>> GById;

void remember(int V) {
  GNodes.push_back(new Node{nullptr, V});
  // CHECK-DAG: containers.cpp:[[@LINE-1]]: CONFIRMED: remember: heap 'Node' claimed to escape
}

void index(int Id) {
  auto N = std::make_unique<Node>(Node{nullptr, Id});
  // CHECK-DAG: containers.cpp:[[@LINE-1]]: CONFIRMED: index: heap 'Node' claimed to escape
  GById[Id] = std::move(N);
}

void fillOut(std::vector<Node *> &Out) {
  Out.push_back(new Node{nullptr, 7});
  // CHECK-DAG: containers.cpp:[[@LINE-1]]: CONFIRMED: fillOut: heap 'Node' claimed to escape
}

std::vector<std::unique_ptr<Node>> makeList(int N) {
  std::vector<std::unique_ptr<Node>> L;
  for (int I = 0; I < N; ++I)
    L.push_back(std::make_unique<Node>(Node{nullptr, I}));
  // CHECK-DAG: containers.cpp:[[@LINE-1]]: CONFIRMED: makeList: heap 'Node' claimed to escape
  return L;
}

int sumLocal(int N) {
  std::vector<Node *> Tmp;
  for (int I = 0; I < N; ++I)
    Tmp.push_back(new Node{nullptr, I});
  // CHECK-DAG: containers.cpp:[[@LINE-1]]: CONFIRMED: sumLocal: heap 'Node' claimed not to escape
  int S = 0;
  for (Node *P : Tmp) {
    S += P->Value;
    delete P;
  }
  return S;
}

size_t nameLength(int V) {
  std::string Name = "node-" + std::to_string(V) + "-with-a-long-suffix";
  return Name.size();
}

int main() {
  remember(1);
  index(2);
  std::vector<Node *> Out;
  fillOut(Out);
  auto L = makeList(3);
  int S = sumLocal(4) + int(nameLength(5)) + int(L.size());
  for (Node *N : GNodes)
    delete N;
  for (Node *N : Out)
    delete N;
  GNodes.clear();
  GById.clear();
  return S == 34 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
