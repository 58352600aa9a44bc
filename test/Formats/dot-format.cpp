// RUN: not %clang-escape --format=dot --function=keep %s -- -std=c++17 | FileCheck %s
// RUN: not %clang-escape --format=dot --function=ns::inner %s -- -std=c++17 | FileCheck %s --check-prefix=QUAL
// RUN: not %clang-escape --format=dot --function=missing %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=MISSING

// The escape graph of one function as Graphviz dot: locations as nodes,
// flows as edges labelled with their derefs, the escape path in red.

int *gSlot;

void keep() {
  int x = 0;
  gSlot = &x;
}
// CHECK: digraph escape {
// CHECK: label="keep";
// CHECK-DAG: [[X:f[0-9]+_[0-9]+]] [shape=box, label="x\n(local, line [[@LINE-5]])"];
// CHECK-DAG: [[HEAP:f[0-9]+_[0-9]+]] [shape=doubleoctagon, label="{heap}\n(heap)"];
// CHECK-DAG: [[X]] -> {{f[0-9]+_[0-9]+}} [label="&", color=red, penwidth=2];
// CHECK-DAG: -> [[HEAP]] [label="", color=red, penwidth=2];
// CHECK-NOT: label="inner";
// CHECK: }

namespace ns {
int inner(int v) { return v; }
} // namespace ns
// QUAL: label="ns::inner";
// QUAL-NOT: label="keep";

// MISSING: error: no function named 'missing' in the files given
