// Two translation units on one command line are linked: the setter defined
// in the other file keeps its argument.
// RUN: not %clang-escape --caret=false %s %S/Inputs/registry.cpp -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// Alone, the callee is unknown: nothing definite to report.
// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck --allow-empty --check-prefix=ALONE %s
// ALONE-NOT: warning:

struct Listener {
  int id;
};
void subscribe(Listener *l);
int checksum(const unsigned char *data, unsigned n);

void listenOnce(int id) {
  Listener l{id};
  subscribe(&l); // CHECK: multi-file.cpp:[[@LINE]]:3: warning: address of local 'l' is stored in global 'g_listeners' (via 'subscribe'){{.*}}[escape-global]
}

unsigned frameSum() {
  unsigned char frame[8] = {1, 2, 3};
  return checksum(frame, 8); // the callee only reads
}
