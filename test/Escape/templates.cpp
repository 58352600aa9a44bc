// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// --- Class templates ---------------------------------------------------------

template <class T> struct Stack {
  T *items[8];
  int n = 0;
  void push(T *p) { items[n++] = p; }
  T *top() { return items[n - 1]; }
};

Stack<int> g_stack;
void pushIntoGlobal() {
  int x = 0;
  g_stack.push(&x); // CHECK: templates.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_stack'; 'x' dangles when 'pushIntoGlobal' returns [escape-global]
}

int pushIntoLocal() {
  Stack<int> s;
  int x = 0;
  s.push(&x);
  return *s.top();
}

// Two instantiations of one member: one finding at the pattern.
template <class T> struct Box {
  T *p = nullptr;
  void fillWithTemporary() {
    T v{};
    p = &v; // CHECK: templates.cpp:[[@LINE]]:5: warning: address of local 'v' is stored into *this, which outlives it; 'v' dangles when 'Box<int>::fillWithTemporary' returns [escape-member]
  }
  void fillFrom(T *q) { p = q; }
};
void useBoxes(int *ip, char *cp) {
  Box<int> a;
  a.fillWithTemporary();
  a.fillFrom(ip);
  Box<char> b;
  b.fillWithTemporary();
  b.fillFrom(cp);
}

// --- Function templates ----------------------------------------------------------

template <class T> T &identityRef(T &x) { return x; }
int &refToLocal() {
  int v = 0;
  return identityRef(v); // CHECK: templates.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller; 'v' dangles when 'refToLocal' returns [escape-return]
}
int copyOfRef() {
  int v = 0;
  return identityRef(v);
}

// The escape is inside the template; instantiated twice, reported once.
template <class T> T *addressOfLocal() {
  T local{};
  return &local; // CHECK: templates.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'addressOfLocal' returns [escape-return]
}
int *useInt() { return addressOfLocal<int>(); }
double *useDouble() { return addressOfLocal<double>(); }

template <class T> T *addressOfStatic() {
  static T value{};
  return &value;
}
int *useStatic() { return addressOfStatic<int>(); }

// Explicit specialization: only the int version returns its argument.
template <class T> T *onlyInt(T *) { return nullptr; }
template <> int *onlyInt<int>(int *p) { return p; }
int *specializedInt() {
  int s = 0;
  return onlyInt(&s); // CHECK: templates.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller; 's' dangles when 'specializedInt' returns [escape-return]
}
double *primaryDouble() {
  double s = 0;
  return onlyInt(&s);
}

// Variadic: every pack element is kept.
void *g_slots[4];
template <typename... Ts> void storeAll(Ts *...ps) {
  int i = 0;
  ((g_slots[i++] = ps), ...);
}
void variadic() {
  int a = 0;
  double b = 0;
  storeAll(&a, &b); // CHECK-DAG: templates.cpp:[[@LINE]]:3: warning: address of local 'a' is stored in global 'g_slots' (via 'storeAll'){{.*}}[escape-global]
                    // CHECK-DAG: templates.cpp:[[@LINE-1]]:3: warning: address of local 'b' is stored in global 'g_slots' (via 'storeAll'){{.*}}[escape-global]
}

template <typename... Ts> int sumAll(const Ts *...ps) { return (0 + ... + *ps); }
int variadicReads() {
  int a = 1, b = 2;
  return sumAll(&a, &b);
}

// A holder template whose constructor keeps a reference.
template <class T> struct Ref {
  const T *p;
  Ref(const T &v) : p(&v) {}
};
template <class T> Ref<T> makeRef(const T &v) { return Ref<T>(v); }
Ref<int> refOfLocal() {
  int z = 0;
  return makeRef(z); // CHECK: templates.cpp:[[@LINE]]:3: warning: address of local 'z' escapes to the caller; 'z' dangles when 'refOfLocal' returns [escape-return]
}
Ref<int> refOfTemporary() {
  return makeRef(42); // CHECK: templates.cpp:[[@LINE]]:3: warning: temporary 'int' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}
Ref<int> refOfParam(const int &z) { return makeRef(z); }

// Generic call forwarding: the lambda returns its argument.
template <class F, class... A> auto forwardCall(F f, A... a) { return f(a...); }
int *forwardedIdentity() {
  int q = 0;
  return forwardCall([](int *p) { return p; }, &q); // CHECK: templates.cpp:[[@LINE]]:3: warning: address of local 'q' escapes to the caller{{.*}}[escape-return]
}
int forwardedRead() {
  int q = 0;
  return forwardCall([](int *p) { return *p; }, &q);
}

// FIXME: a template that is never instantiated is not analyzed; the address
// of 'local' is returned whatever T is (could be reported at the pattern).
template <class T> T *neverInstantiated() {
  T local{};
  return &local;
}
