// RUN: not %clang-escape --caret=false %s -- -std=c++20 -Wno-return-stack-address | FileCheck %s --implicit-check-not=warning:

struct Pair {
  int a;
  int b;
};
struct PointerPair {
  int *p;
  int *q;
};

// auto& binds to the original object: &x is the address of 'pr.a'.
int *referenceBinding() {
  Pair pr{1, 2};
  auto &[x, y] = pr;
  return &x; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local 'pr' escapes to the caller; 'pr' dangles when 'referenceBinding' returns [escape-return]
}

int &referenceBindingReturned() {
  Pair pr{1, 2};
  auto &[x, y] = pr;
  return x; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local 'pr' escapes to the caller{{.*}}[escape-return]
}

int *forwardingBinding() {
  Pair pr{1, 2};
  auto &&[x, y] = pr;
  return &x; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local 'pr' escapes to the caller{{.*}}[escape-return]
}

int *arrayBinding() {
  int a[2] = {1, 2};
  auto &[x, y] = a;
  return &y; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

int *g_ptr;
void bindingIntoGlobal() {
  Pair pr{1, 2};
  auto &[x, y] = pr;
  g_ptr = &y; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local 'pr' is stored in global 'g_ptr'{{.*}}[escape-global]
}

// Bindings of pointer members carry the pointer.
int *pointerMembers() {
  int v = 0;
  PointerPair pp{&v, nullptr};
  auto [p, q] = pp;
  return p; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

// auto [x, y] = e copies e into a hidden local; &x points into the copy.
// The hidden copy is named after its bindings.
int *copyBinding() {
  Pair pr{1, 2};
  auto [x, y] = pr;
  return &y; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local '[x, y]' escapes to the caller; '[x, y]' dangles when 'copyBinding' returns [escape-return]
}
int *copyOfParameter(Pair &pr) {
  auto [x, y] = pr;
  return &x; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: address of local '[x, y]' escapes to the caller{{.*}}[escape-return]
}

// The temporary is lifetime-extended to the end of the function, then dies.
const int &boundTemporary() {
  const auto &[x, y] = Pair{1, 2};
  return x; // CHECK: structured-bindings.cpp:[[@LINE]]:3: warning: temporary 'Pair' escapes to the caller; it is destroyed when its scope in 'boundTemporary' ends [escape-return]
}

// --- Not escaping ---------------------------------------------------------------

int *referenceToParameter(Pair &pr) {
  auto &[x, y] = pr;
  return &x;
}
int *pointerMembersOfParameter(int *w) {
  PointerPair pp{w, nullptr};
  auto [p, q] = pp;
  return p;
}
int sumOfCopies() {
  Pair pr{1, 2};
  auto [x, y] = pr;
  return x + y;
}
int sumOfArray() {
  int a[2] = {1, 2};
  auto [x, y] = a;
  return x + y;
}
