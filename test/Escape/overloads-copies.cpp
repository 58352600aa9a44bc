// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// --- Default arguments --------------------------------------------------------------

int *orDefault(int *p = nullptr) { return p; }
int *withLocalArgument() {
  int x;
  return orDefault(&x); // CHECK: overloads-copies.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'withLocalArgument' returns [escape-return]
}
int *withDefaultArgument() { return orDefault(); }

// --- Overloaded operators --------------------------------------------------------------

struct Sink {
  int *data = nullptr;
  Sink &operator<<(int *p) {
    data = p;
    return *this;
  }
  int &operator[](int i) { return data[i]; }
};
Sink g_sink;
void shiftIntoGlobal() {
  int x;
  g_sink << &x; // CHECK: overloads-copies.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_sink'; 'x' dangles when 'shiftIntoGlobal' returns [escape-global]
}
int shiftIntoLocal() {
  int x = 2;
  Sink s;
  s << &x;
  return s[0];
}

// --- User-defined copy constructors ------------------------------------------------------

// A shallow copy carries the pointer to the copy.
struct Shallow {
  int *p;
  Shallow(int *q) : p(q) {}
  Shallow(const Shallow &o) : p(o.p) {}
};
Shallow shallowCopyReturned() {
  int x;
  Shallow s(&x);
  Shallow t(s);
  return t; // CHECK: overloads-copies.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// A deep copy points at its own storage.
struct Deep {
  int storage;
  int *p;
  Deep(int *q) : storage(*q), p(&storage) {}
  Deep(const Deep &o) : storage(o.storage), p(&storage) {}
};
Deep deepCopyReturned() {
  int x = 0;
  Deep s(&x);
  Deep t(s);
  return t;
}
