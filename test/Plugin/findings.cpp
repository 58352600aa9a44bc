// The compiler plugin prints the CLI's findings during a normal compile and
// leaves the object file as it is.
// RUN: %clangxx -fplugin=%plugin -Wno-return-stack-address -fno-caret-diagnostics -std=c++20 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=remark: --implicit-check-not=error:
// RUN: %clangxx -std=c++20 -c %s -o %t.plain.o
// RUN: cmp %t.o %t.plain.o
// The same notes, in the same order, as the CLI.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 > %t.cli
// RUN: %clangxx -fplugin=%plugin -Wno-return-stack-address -fno-caret-diagnostics -std=c++20 -fsyntax-only %s 2>&1 \
// RUN:   | grep -E '^[^ ].*: (warning|remark|note): ' > %t.plugin
// RUN: diff %t.cli %t.plugin

struct Pair {
  long First = 0, Second = 0;
};

Pair *pairOnStack() {
  Pair P;
  return &P; // CHECK: findings.cpp:[[@LINE]]:3: warning: address of local 'P' escapes to the caller; 'P' dangles when 'pairOnStack' returns [escape-return]
  // CHECK: findings.cpp:[[@LINE-2]]:8: note: 'P' declared here
  // CHECK: findings.cpp:[[@LINE-2]]:10: note: address-of: &P
  // CHECK: findings.cpp:[[@LINE-3]]:3: note: return: return &P
}

Pair *pairInStorage() {
  static Pair P;
  return &P;
}

void fillsOut(long **Out) {
  long Local = 3;
  *Out = &Local; // CHECK: findings.cpp:[[@LINE]]:3: warning: address of local 'Local'{{.*}}[escape-return]
}

long heapPair(long N) {
  Pair *P = new Pair{N, N}; // CHECK: findings.cpp:[[@LINE]]:13: remark: stack candidate: new Pair (16 bytes){{.*}}[escape-stack-candidate]
  long R = P->First + P->Second;
  delete P;
  return R;
}
