// Oversized frames are perf findings: exit status 0.
// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang-escape --caret=false --max-local-bytes=1000 %s -- -std=c++20 | FileCheck %s --check-prefix=LOCAL --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang-escape --caret=false --max-frame-bytes=100000 %s -- -std=c++20 | FileCheck %s --check-prefix=FRAME --implicit-check-not=remark: --implicit-check-not=warning:

void use(void *);

void bigLocal() {
  char buf[70000]; // CHECK: frames.cpp:[[@LINE]]:8: remark: 'buf' is too large for the stack (70000 bytes > 65536) [escape-oversized-frame]
                   // LOCAL: frames.cpp:[[@LINE-1]]:8: remark: 'buf' is too large for the stack (70000 bytes > 1000) [escape-oversized-frame]
                   // FRAME: frames.cpp:[[@LINE-2]]:8: remark: 'buf' is too large for the stack (70000 bytes > 65536)
  use(buf);
}

void smallLocal() {
  char buf[1001]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'buf' is too large for the stack (1001 bytes > 1000) [escape-oversized-frame]
  use(buf);
}

void exactlyAtLimit() {
  char buf[1000];
  char big[65536]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'big' is too large for the stack (65536 bytes > 1000)
  use(buf);
  use(big);
}

struct Matrix {
  double cells[10000];
};
void structLocal() {
  Matrix m; // CHECK: frames.cpp:[[@LINE]]:10: remark: 'm' is too large for the stack (80000 bytes > 65536) [escape-oversized-frame]
            // LOCAL: frames.cpp:[[@LINE-1]]:10: remark: 'm' is too large for the stack (80000 bytes > 1000)
            // FRAME: frames.cpp:[[@LINE-2]]:10: remark: 'm' is too large for the stack (80000 bytes > 65536)
  use(&m);
}

// No single local is too large; together they are.
void severalLocals() { // CHECK: frames.cpp:[[@LINE]]:6: remark: frame of 'severalLocals' is about 150000 bytes (threshold 131072) [escape-oversized-frame]
                       // FRAME: frames.cpp:[[@LINE-1]]:6: remark: frame of 'severalLocals' is about 150000 bytes (threshold 100000) [escape-oversized-frame]
  char a[50000]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'a' is too large for the stack (50000 bytes > 1000)
  char b[50000]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'b' is too large for the stack (50000 bytes > 1000)
  char c[50000]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'c' is too large for the stack (50000 bytes > 1000)
  use(a);
  use(b);
  use(c);
}

void frameOneByteOver() { // CHECK: frames.cpp:[[@LINE]]:6: remark: frame of 'frameOneByteOver' is about 131073 bytes (threshold 131072) [escape-oversized-frame]
                          // FRAME: frames.cpp:[[@LINE-1]]:6: remark: frame of 'frameOneByteOver' is about 131073 bytes (threshold 100000)
  char a[65536]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'a' is too large
  char b[65536]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'b' is too large
  char c[1];
  use(a);
  use(b);
  use(c);
}

void frameAtLimit() { // FRAME: frames.cpp:[[@LINE]]:6: remark: frame of 'frameAtLimit' is about 131072 bytes (threshold 100000)
  char a[65536]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'a' is too large
  char b[65536]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'b' is too large
  use(a);
  use(b);
}

// Sibling blocks do not add up: the frame is the largest path, 60000 bytes.
void siblingBlocks() {
  {
    char a[60000]; // LOCAL: frames.cpp:[[@LINE]]:10: remark: 'a' is too large
    use(a);
  }
  {
    char b[60000]; // LOCAL: frames.cpp:[[@LINE]]:10: remark: 'b' is too large
    use(b);
  }
}

// A lambda body is its own frame.
void lambdaBody() {
  auto f = [] {
    char x[70000]; // CHECK: frames.cpp:[[@LINE]]:10: remark: 'x' is too large for the stack (70000 bytes > 65536) [escape-oversized-frame]
                   // LOCAL: frames.cpp:[[@LINE-1]]:10: remark: 'x' is too large
                   // FRAME: frames.cpp:[[@LINE-2]]:10: remark: 'x' is too large
    use(x);
  };
  f();
}

// Heap storage is not in the frame.
void onHeap() {
  char *p = new char[200000];
  use(p);
  delete[] p;
}

// A static local is not in the frame.
void staticLocal() {
  static char table[200000];
  use(table);
}

// --- Known gaps ---------------------------------------------------------------

// FIXME: a VLA (and alloca) should be noted as a variable-size frame
// (issue 2, ALGORITHM.md B7 "Frames"); nothing is reported.
void variableLengthArray(int n) {
  char buf[n];
  use(buf);
}
void withAlloca(int n) {
  void *p = __builtin_alloca(n);
  use(p);
}

// FIXME: once a function has a too-large local, its frame total is no longer
// reported: here 150000 bytes > 131072 (and > 100000 under FRAME), and
// severalLocals' frame under LOCAL; the frame finding should stay.
void bigLocalAndBigFrame() {
  char a[70000]; // CHECK: frames.cpp:[[@LINE]]:8: remark: 'a' is too large for the stack (70000 bytes > 65536)
                 // LOCAL: frames.cpp:[[@LINE-1]]:8: remark: 'a' is too large
                 // FRAME: frames.cpp:[[@LINE-2]]:8: remark: 'a' is too large
  char b[60000]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'b' is too large
  char c[20000]; // LOCAL: frames.cpp:[[@LINE]]:8: remark: 'c' is too large
  use(a);
  use(b);
  use(c);
}
