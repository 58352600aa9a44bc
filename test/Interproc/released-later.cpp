// A call that gives an object the address of a local, followed in the same
// block, before any exit, by a call on the same object that writes what the
// first call wrote (a pop after a push, an unlink after a link): the object
// may let go of the address by then. What
// the first call keeps is a maybe, hidden by default.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

struct Waiter {
  const bool *flag;
};
struct Record {
  Waiter *waiting = nullptr;
  int stat = 0;
};
Record *current();

struct Mutex {
  void enqueue(Waiter *w) { current()->waiting = w; }
  void block() { current()->waiting = nullptr; }
  void count() { current()->stat++; }

  // Linked into the thread's record, unlinked before the call returns.
  void await(const bool &ready) {
    Waiter w{&ready};
    enqueue(&w);
    block();
    // MAYBE: released-later.cpp:[[@LINE-2]]:5: warning: address of local 'w' {{.*}}'Mutex::await' returns (maybe{{.*}}[escape-heap]
    // MAYBE: note: kept via 'Mutex::enqueue', until 'block()' may take it back: enqueue(&w)
  }
  // A later call on the same object that writes something else.
  void awaitCounted(const bool &ready) {
    Waiter w{&ready};
    enqueue(&w); // CHECK: released-later.cpp:[[@LINE]]:5: warning: address of local 'w' {{.*}}[escape-heap]
    count();
  }
  // Nothing takes it back.
  void awaitNoBlock(const bool &ready) {
    Waiter w{&ready};
    enqueue(&w); // CHECK: released-later.cpp:[[@LINE]]:5: warning: address of local 'w' {{.*}}[escape-heap]
  }
  // A return between the two: on that path it stays.
  void awaitOrReturn(const bool &ready, bool quick) {
    Waiter w{&ready};
    enqueue(&w); // CHECK: released-later.cpp:[[@LINE]]:5: warning: address of local 'w' {{.*}}[escape-heap]
    if (quick)
      return;
    block();
  }
};

// The same call again is not a removal.
void twice(Mutex &m, const bool &ready) {
  Waiter a{&ready}, b{&ready};
  m.enqueue(&a); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'a' {{.*}}[escape-heap]
  m.enqueue(&b); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'b' {{.*}}[escape-heap]
}

// Pushed on a stack the object keeps, popped by a later call on it.
struct Stack {
  const int **top = nullptr;
  const int **base = nullptr;
  void push(const int *p) { *top++ = p; }
  const int *pop() { return *--top; }
  int depth() const { return int(top - base); }
};
struct Document {
  Stack refs;
  int resolved = 0;
  void handle(const int &v) { refs.push(&v); }
  void resolve() { resolved += *refs.pop(); }
  void inspect() { resolved += refs.depth(); }
};
void parsed(Document &d) {
  int v = 1;
  d.handle(v); // MAYBE: released-later.cpp:[[@LINE]]:3: warning: address of local 'v' {{.*}}'parsed' returns (maybe{{.*}}[escape-member]
  d.resolve();
}
void inspected(Document &d) {
  int v = 1;
  d.handle(v); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'v' {{.*}}[escape-member]
  d.inspect();
}
// Popped from another object: this one keeps it.
void otherPopped(Document &d, Document &e) {
  int v = 1;
  d.handle(v); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'v' {{.*}}[escape-member]
  e.resolve();
}

// The local dies with the inner block, before the object pops it.
void poppedAfterBlock(Document &d) {
  {
    int v = 1;
    d.handle(v); // CHECK: released-later.cpp:[[@LINE]]:5: warning: address of local 'v' {{.*}}[escape-member]
  }
  d.resolve();
}

// Pushed on one branch, the stack shrunk after the branches.
void branch(Document &d, const int &outer, bool c) {
  if (c) {
    d.handle(outer);
  } else {
    d.inspect();
  }
  d.resolve();
}
int sumBranch(Document &d, bool c) {
  int v = 1;
  branch(d, v, c);
  return d.resolved;
}

// The same setter again, given nothing: the object lets go of the first.
struct Widget {
  const int *delegate = nullptr;
  void setDelegate(const int *d) { delegate = d; }
};
void delegated(Widget &w) {
  int d = 1;
  w.setDelegate(&d); // MAYBE: released-later.cpp:[[@LINE]]:3: warning: address of local 'd' {{.*}}'delegated' returns (maybe{{.*}}[escape-member]
  w.setDelegate(nullptr);
}
void delegatedTwice(Widget &w, const int *other) {
  int d = 1;
  w.setDelegate(&d); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'd' {{.*}}[escape-member]
  w.setDelegate(other);
}

// The same function again, given a local by const reference: what it refers
// to holds no address, but its own address may be kept too (an append).
// Given a global, nothing of the caller's: a reset.
struct Point {
  int x;
};
struct Path {
  const Point *points[4] = {};
  int n = 0;
  void add(const Point &p) { points[n++] = &p; }
  void set(const Point &p) { points[0] = &p; }
};
void appendedTwice(Path &path) {
  Point q{1};
  path.add(q); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'q' {{.*}}[escape-member]
  Point r{2};
  path.add(r); // CHECK: released-later.cpp:[[@LINE]]:3: warning: address of local 'r' {{.*}}[escape-member]
}
const Point kOrigin{0};
void setThenReset(Path &path) {
  Point q{1};
  path.set(q); // MAYBE: released-later.cpp:[[@LINE]]:3: warning: address of local 'q' {{.*}}(maybe{{.*}}[escape-member]
  path.set(kOrigin);
}
