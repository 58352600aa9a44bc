// A class passed by value is a copy: its pointer members point where the
// caller's object's do. What the callee stores through them lands there, in
// the caller (a visitor holding `int **` that receives an element's address,
// as range-v3's variant get), not anywhere: a caller whose object points to
// its own locals keeps the address at home, one whose object points to a
// global or a heap object lets it escape.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape -m %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=TAGS

struct Setter {
  int **t_;
  void operator()(int *p) const { *t_ = p; }
};

struct Elem {
  int *e_;
  int &get() const { return *e_; }
};

struct Getter {
  int **t_;
  void operator()(Elem e) const { *t_ = &e.get(); }
};

// TAGS: [[@LINE+1]]:38: leaking param: p to *fun level=0
template <class Fun> void store(int *p, Fun fun) { *fun.t_ = p; }
// TAGS: [[@LINE+1]]:37: leaking param: p to *fun level=0
template <class Fun> void call(int *p, Fun fun) { fun(p); }

struct Invoke {
  template <class F, class A> void operator()(F &&f, A &&a) const {
    static_cast<F &&>(f)(static_cast<A &&>(a));
  }
};
constexpr Invoke invoke{};

// TAGS: [[@LINE+1]]:38: leaking param: x to *fun level=0
template <class Fun> void visit(int &x, Fun fun) { invoke(fun, Elem{&x}); }
// TAGS: [[@LINE+1]]:39: leaking param: x to *fun level=0
template <class Fun> void passOn(int &x, Fun fun) {
  visit(x, static_cast<Fun &&>(fun));
}

int *G;

int storeLocal() {
  int x = 1;
  int *e = nullptr;
  store(&x, Setter{&e});
  return *e;
}

void storeGlobal() {
  int x = 1;
  store(&x, Setter{&G}); // CHECK: :[[@LINE]]:3: warning: address of local 'x' escapes to the heap; 'x' dangles
}

int callLocal() {
  int x = 1;
  int *e = nullptr;
  call(&x, Setter{&e});
  return *e;
}

void callGlobal() {
  int x = 1;
  Setter s{&G};
  call(&x, s); // CHECK: :[[@LINE]]:3: warning: address of local 'x' escapes to the heap; 'x' dangles
}

int visitLocal() {
  int x = 1;
  int *e = nullptr;
  passOn(x, Getter{&e});
  return *e;
}

void visitGlobal() {
  int x = 1;
  passOn(x, Getter{&G}); // CHECK: :[[@LINE]]:3: warning: address of local 'x' escapes to the heap; 'x' dangles
}

int **visitHeap() {
  int x = 1;
  int **slot = new int *;
  passOn(x, Getter{slot});
  return slot; // CHECK: :[[@LINE]]:3: warning: address of local 'x' escapes to the caller
}
