// Stack candidates are perf findings: alone they do not make the exit status 1.
// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang-escape --caret=false --max-stack-candidate-bytes=8 %s -- -std=c++20 | FileCheck %s --check-prefix=LIMIT8 --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang-escape --caret=false --max-stack-candidate-bytes=7 %s -- -std=c++20 | FileCheck %s --check-prefix=LIMIT7 --allow-empty --implicit-check-not=remark: --implicit-check-not=warning:

struct Point {
  int x, y;
};

int sumPoint() {
  Point *p = new Point{1, 2}; // CHECK: heap-candidates.cpp:[[@LINE]]:14: remark: stack candidate: new Point (8 bytes) never escapes 'sumPoint' and is released in it; it can live on the stack [escape-stack-candidate]
                              // LIMIT8: heap-candidates.cpp:[[@LINE-1]]:14: remark: stack candidate: new Point (8 bytes)
  int s = p->x + p->y;
  delete p;
  return s;
}

int constantArray() {
  int *a = new int[16]; // CHECK: heap-candidates.cpp:[[@LINE]]:12: remark: stack candidate: new int[] (64 bytes) never escapes 'constantArray'{{.*}}[escape-stack-candidate]
  for (int i = 0; i < 16; ++i)
    a[i] = i;
  int s = a[3];
  delete[] a;
  return s;
}

// A callee that only reads the object does not make it escape.
int readX(const Point *p) { return p->x; }
int passedToReader() {
  Point *p = new Point{1, 2}; // CHECK: heap-candidates.cpp:[[@LINE]]:14: remark: stack candidate: new Point (8 bytes) never escapes 'passedToReader'{{.*}}[escape-stack-candidate]
                              // LIMIT8: heap-candidates.cpp:[[@LINE-1]]:14: remark: stack candidate
  int r = readX(p);
  delete p;
  return r;
}

// Deleted through an alias.
int deletedThroughAlias() {
  Point *p = new Point{1, 2}; // CHECK: heap-candidates.cpp:[[@LINE]]:14: remark: stack candidate: new Point (8 bytes) never escapes 'deletedThroughAlias'{{.*}}[escape-stack-candidate]
                              // LIMIT8: heap-candidates.cpp:[[@LINE-1]]:14: remark: stack candidate
  Point *q = p;
  int r = q->x;
  delete q;
  return r;
}

// Allocated and deleted within one iteration.
int perIteration(int n) {
  int r = 0;
  for (int i = 0; i < n; ++i) {
    Point *p = new Point{i, i}; // CHECK: heap-candidates.cpp:[[@LINE]]:16: remark: stack candidate: new Point (8 bytes) never escapes 'perIteration'{{.*}}[escape-stack-candidate]
                                // LIMIT8: heap-candidates.cpp:[[@LINE-1]]:16: remark: stack candidate
    r += p->x;
    delete p;
  }
  return r;
}

// --- Not candidates -----------------------------------------------------------

Point *g_point;
void keep(Point *p) { g_point = p; }
void passedToKeeper() {
  Point *p = new Point{1, 2};
  keep(p);
}

Point *returned() { return new Point{1, 2}; }

void storedInGlobal() { g_point = new Point{3, 4}; }

void storedThroughOut(Point **out) {
  Point *p = new Point{1, 2};
  *out = p;
}

// Allocated in a loop, deleted after it: one allocation per iteration, the
// last one outlives the iteration scope.
int allocatedInLoopDeletedOutside(int n) {
  Point *p = nullptr;
  for (int i = 0; i < n; ++i)
    p = new Point{i, i};
  int r = p ? p->x : 0;
  delete p;
  return r;
}

int nonConstantSize(int n) {
  int *a = new int[n];
  a[0] = 1;
  int r = a[0];
  delete[] a;
  return r;
}

struct Big {
  char data[100000];
};
int tooLarge() {
  Big *b = new Big;
  b->data[0] = 1;
  int r = b->data[0];
  delete b;
  return r;
}

// A class-specific operator new is not the global heap.
typedef __SIZE_TYPE__ size_t;
struct Pooled {
  int v;
  static void *operator new(size_t n);
  static void operator delete(void *p);
};
int classSpecificNew() {
  Pooled *p = new Pooled{1};
  int r = p->v;
  delete p;
  return r;
}

// More aligned than the stack.
struct alignas(256) Aligned {
  int v;
};
int overAligned() {
  Aligned *a = new Aligned{1};
  int r = a->v;
  delete a;
  return r;
}

// Never released: not "released in it" (B7 rule 4).
int neverReleased() {
  Point *p = new Point{1, 2};
  return p->x;
}

// --- ALGORITHM.md B7 rules 4 and 5 -----------------------------------------

// Released on one path only: B7 rule 4 requires a release on all paths.
int releasedOnOnePath(bool c) {
  Point *p = new Point{1, 2};
  int r = p->x;
  if (c)
    delete p;
  return r;
}

// An early return skips the delete: not a stack candidate (B7 rule 4).
int earlyReturnSkipsDelete(bool c) {
  Point *p = new Point{1, 2};
  if (c)
    return 0;
  int r = p->x;
  delete p;
  return r;
}

// Each allocation is freed in the next iteration or after the loop, so it
// outlives its iteration scope: not a stack candidate (B7 rule 5).
int freedInNextIteration(int n) {
  Point *p = nullptr;
  for (int i = 0; i < n; ++i) {
    delete p;
    p = new Point{i, i};
  }
  delete p;
  return 0;
}

// LIMIT7-NOT: stack candidate
