// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

int *addressOfLocal(int salt) {
  int seed = salt * 31;
  return &seed; // CHECK: return-address.cpp:[[@LINE]]:3: warning: address of local 'seed' escapes to the caller; 'seed' dangles when 'addressOfLocal' returns [escape-return]
}

int *staticIsFine() {
  static int count = 0;
  return &count;
}

char *arrayDecay() {
  char buf[24];
  buf[0] = 0;
  return buf; // CHECK: return-address.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

struct Widget {
  int width = 0;
};

const Widget &byValueParam(Widget a, const Widget &b) {
  if (a.width > b.width)
    return a; // CHECK: return-address.cpp:[[@LINE]]:5: warning: address of parameter 'a' escapes to the caller{{.*}}[escape-return]
  return b;
}

int *inLoop(int key) {
  int table[4] = {3, 9, 4, 1};
  for (int i = 0; i < 4; ++i)
    if (table[i] == key)
      return &table[i]; // CHECK: return-address.cpp:[[@LINE]]:7: warning: address of local 'table'{{.*}}[escape-return]
  return nullptr;
}

int &referenceToLocal() {
  int x = 1;
  int &r = x;
  return r; // CHECK: return-address.cpp:[[@LINE]]:3: warning: address of local 'x'{{.*}}[escape-return]
}

int *throughAlias(bool b) {
  int x = 1, y = 2;
  int *p = b ? &x : &y;
  int *q = p + 1;
  return q - 1; // CHECK-DAG: return-address.cpp:[[@LINE]]:3: warning: address of local 'x'{{.*}}[escape-return]
                // CHECK-DAG: return-address.cpp:[[@LINE-1]]:3: warning: address of local 'y'{{.*}}[escape-return]
}

int valueIsFine(int *p) {
  int local = *p;
  return local;
}

const int *paramIsFine(const int *p) { return p; }
