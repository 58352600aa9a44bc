// RUN: not %clang-escape --caret=false %s -- -std=c++20 -Wno-return-stack-address | FileCheck %s --implicit-check-not=warning:

// A reference binding is an address-of; a returned reference to a local
// dangles just like a returned pointer.

int &returnLocal() {
  int x = 0;
  return x; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'returnLocal' returns [escape-return]
}

const int &throughConstRef() {
  int x = 0;
  const int &r = x;
  return r; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'throughConstRef' returns [escape-return]
}

int &throughTwoReferences() {
  int x = 0;
  int &r1 = x;
  int &r2 = r1;
  return r2; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

auto &throughAutoRef() {
  int v = 0;
  auto &r = v;
  return r; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

struct Pair {
  int a;
  int b;
};
int &memberOfLocal() {
  Pair p{1, 2};
  return p.b; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'p' escapes to the caller; 'p' dangles when 'memberOfLocal' returns [escape-return]
}

int &elementOfLocalArray() {
  int arr[3] = {};
  return arr[1]; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'arr' escapes to the caller{{.*}}[escape-return]
}

int &byValueParameter(int x) {
  return x; // CHECK: references.cpp:[[@LINE]]:3: warning: address of parameter 'x' escapes to the caller; 'x' dangles when 'byValueParameter' returns [escape-return]
}

const int &literalTemporary() {
  return 5; // CHECK: references.cpp:[[@LINE]]:3: warning: temporary 'int' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

// Lifetime extension ends with r's scope, the function body.
const int &extendedTemporary() {
  const int &r = 5;
  return r; // CHECK: references.cpp:[[@LINE]]:3: warning: temporary 'int' escapes to the caller; it is destroyed when its scope in 'extendedTemporary' ends [escape-return]
}

int &&rvalueReference() {
  int x = 0;
  return static_cast<int &&>(x); // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int *addressOfReferenceToLocal() {
  int x = 0;
  int &r = x;
  return &r; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

decltype(auto) parenthesizedName() {
  int v = 0;
  return (v); // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

// A member function returning a reference to a member of a local object.
struct Cell {
  int value;
  int &get() { return value; }
};
int &getOfLocal() {
  Cell c{1};
  return c.get(); // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'c' escapes to the caller{{.*}}[escape-return]
}

// Reference parameter bound to a local in the caller, kept by the callee.
int *g_kept;
void keepRef(int &x) { g_kept = &x; }
void passLocalToKeeper() {
  int v = 0;
  keepRef(v); // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'v' is stored in global 'g_kept' (via 'keepRef'){{.*}}[escape-global]
}

// A reference member initialised by a constructor.
struct RefCtor {
  int &r;
  RefCtor(int &x) : r(x) {}
};
RefCtor refMemberByConstructor() {
  int x = 0;
  return RefCtor(x); // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// --- Not escaping ---------------------------------------------------------------

int &parameterReference(int &x) { return x; }
int &derefOfPointerParam(int *p) { return *p; }
int &staticLocal() {
  static int s;
  return s;
}
int *addressOfReferenceParam(int &x) { return &x; }
int &getOfParam(Cell &c) { return c.get(); }
int valueOfGet() {
  Cell c{1};
  return c.get();
}
decltype(auto) unparenthesizedName() {
  int v = 0;
  return v;
}
int copyThroughReference() {
  int x = 3;
  int &r = x;
  return r;
}
void readRef(const int &x, int &out) { out = x; }
void passLocalToReader(int &out) {
  int v = 0;
  readRef(v, out);
}

// An aggregate with a reference member, initialised with a local.
// Each of these returns (or stores) a reference to 'x'.
struct Holder {
  int &r;
};
struct ConstHolder {
  const int &r;
};
Holder aggregateWithReference() {
  int x = 0;
  return Holder{x}; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
Holder aggregateCopied() {
  int x = 0;
  Holder h{x};
  return h; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
ConstHolder bracedReturn() {
  int x = 0;
  return {x}; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
Holder *g_holder;
void aggregateOnHeap() {
  int x = 0;
  g_holder = new Holder{x}; // CHECK: references.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_holder'{{.*}}[escape-global]
}
