// RUN: not %clang-escape --caret=false %s -- -std=c++20 -Wno-return-stack-address | FileCheck %s --implicit-check-not=warning:

// Pointer arithmetic, array indexing and decay keep the base object.

int *arithmetic() {
  int a[8] = {};
  int *p = a;
  p += 3;
  return p; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller; 'a' dangles when 'arithmetic' returns [escape-return]
}

int *addressOfElementPlusOne() {
  int a[8] = {};
  return &a[2] + 1; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

int *rowOfMatrix() {
  int m[2][2] = {};
  return m[1]; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'm' escapes to the caller{{.*}}[escape-return]
}

struct Block {
  int words[4];
};
int *memberArray() {
  Block b{};
  return b.words; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller{{.*}}[escape-return]
}

// Two levels of indirection: the pointer 'p' itself dangles, and so does
// what it points to.
int **pointerToPointer() {
  int x;
  int *p = &x;
  int **pp = &p;
  return pp; // CHECK-DAG: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'p' escapes to the caller{{.*}}[escape-return]
             // CHECK-DAG: pointers-arrays.cpp:[[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int *throughPointerToPointer() {
  int x;
  int *p = &x;
  int **pp = &p;
  return *pp; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int *swapped() {
  int x;
  int *a = &x, *b = nullptr;
  int *t = a;
  a = b;
  b = t;
  return b; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int *assignedInLoop(int n) {
  int x;
  int *p = nullptr;
  while (n--)
    p = &x;
  return p; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// A loop made with goto: the block's 'v' dies each time round.
int *gotoLoop() {
  int *p = nullptr;
  int i = 0;
again: {
  int v = i;
  p = &v; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'v' is kept in 'p', which is used after the scope of 'v' ends [escape-scope]
}
  if (++i < 3)
    goto again;
  return p; // CHECK: pointers-arrays.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

// --- Not escaping ---------------------------------------------------------------

int sumThroughPointer() {
  int a[4] = {1, 2, 3, 4};
  int s = 0;
  for (int *p = a; p != a + 4; ++p)
    s += *p;
  return s;
}
int *arithmeticOnParameter(int *a, int n) { return a + n; }
int *elementOfParameter(int (&a)[4]) { return &a[1]; }
int valueOfPointerToPointer() {
  int x = 3;
  int *p = &x;
  int **pp = &p;
  return **pp;
}
int *staticArray() {
  static int table[8];
  return table + 2;
}
