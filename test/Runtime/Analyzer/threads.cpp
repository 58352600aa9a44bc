// The analyzer's claims about joined threads, checked on a real run: after
// join() the process is single-threaded again and the check sees what the
// thread left behind. (A thread that stores a captured heap pointer into a
// global is the known failure in threads-capture-escape.cpp.)
//
// RUN: rm -f %t.claims.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

#include <thread>
#include <vector>

struct Node {
  Node *Next;
  int Value;
};

int sumInThread(int N) {
  int Total = 0;
  // CHECK-DAG: threads.cpp:[[@LINE-1]]: {{CONFIRMED|IMPRECISE}}: sumInThread: &Total claimed
  std::thread T([&Total, N] {
    for (int I = 1; I <= N; ++I)
      Total += I;
  });
  T.join();
  return Total;
}

int useJoined() {
  Node *N = new Node{nullptr, 2};
  // CHECK-DAG: threads.cpp:[[@LINE-1]]: CONFIRMED: useJoined: heap 'Node' claimed not to escape
  std::thread T([N] { N->Value = 3; });
  T.join();
  int V = N->Value;
  delete N;
  return V;
}

int workers(int N) {
  std::vector<std::thread> Pool;
  std::vector<int> Results(N);
  for (int I = 0; I < N; ++I)
    Pool.emplace_back([&Results, I] { Results[I] = I * I; });
  for (std::thread &T : Pool)
    T.join();
  int S = 0;
  for (int R : Results)
    S += R;
  return S;
}

int main() {
  int S = sumInThread(4) + useJoined() + workers(3);
  return S == 18 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
