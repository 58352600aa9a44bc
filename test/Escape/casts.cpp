// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Pointer casts are identities: the cast pointer is still the local's address.

typedef unsigned long uintptr_t;

struct Base {
  int b;
};
struct Derived : Base {
  int d;
};

char *reinterpretCast() {
  int x = 0;
  return reinterpret_cast<char *>(&x); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'reinterpretCast' returns [escape-return]
}

Base *staticUpcast() {
  Derived d{};
  return static_cast<Base *>(&d); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'd' escapes to the caller{{.*}}[escape-return]
}

Base *implicitUpcast() {
  Derived d{};
  return &d; // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'd' escapes to the caller{{.*}}[escape-return]
}

Derived *staticDowncast() {
  Derived d{};
  Base *b = &d;
  return static_cast<Derived *>(b); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'd' escapes to the caller{{.*}}[escape-return]
}

int *constCast() {
  const int x = 0;
  return const_cast<int *>(&x); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

void *toVoidPointer() {
  int x = 0;
  return (void *)&x; // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int *cStyleCast() {
  long x = 0;
  return (int *)&x; // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int *functionalCast() {
  int x = 0;
  using IntPtr = int *;
  return IntPtr(&x); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

Base &referenceCast() {
  Derived d{};
  return static_cast<Base &>(d); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'd' escapes to the caller{{.*}}[escape-return]
}

// Cast to char*, pointer arithmetic, cast back.
int *castAndOffset() {
  int a[4] = {};
  char *c = (char *)a;
  return (int *)(c + 4); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

Base *g_base;
void castIntoGlobal() {
  Derived d{};
  g_base = static_cast<Base *>(&d); // CHECK: casts.cpp:[[@LINE]]:3: warning: address of local 'd' is stored in global 'g_base'{{.*}}[escape-global]
}

// --- Not escaping ---------------------------------------------------------------

int *castOfParam(int *p) { return reinterpret_cast<int *>(reinterpret_cast<char *>(p)); }
int readThroughCast() {
  long x = 7;
  return *(int *)&x;
}
int *fromInteger(uintptr_t a) { return reinterpret_cast<int *>(a); }

// --- Pointer to integer ---------------------------------------------------------

// A pointer converted to an integer has unknown uses (ALGORITHM.md B3: a
// conservative heap escape). B4: an escape that rests only on a conservative
// assumption is 'maybe', and 'maybe' findings are hidden without --report-maybe.
// Comparing or hashing addresses keeps nothing at all: no finding by
// default; a 'maybe' with --report-maybe.
uintptr_t addressAsInteger() {
  int x = 0;
  return reinterpret_cast<uintptr_t>(&x);
}

uintptr_t g_address;
void integerInGlobal() {
  int x = 0;
  g_address = (uintptr_t)&x;
}

int *integerRoundTrip() {
  int x = 0;
  uintptr_t a = (uintptr_t)&x;
  return (int *)a;
}

bool compareAddresses() {
  int x = 0, y = 0;
  return (uintptr_t)&x < (uintptr_t)&y;
}

uintptr_t hashAddress() {
  int x = 0;
  return ((uintptr_t)&x) >> 4;
}
