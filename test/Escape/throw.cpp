// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A thrown value outlives the frame that throws it (the stack is unwound
// before any handler runs): a thrown address of a local dangles.

void throwAddress() {
  int x = 0;
  throw &x; // CHECK: throw.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap; 'x' dangles when 'throwAddress' returns [escape-heap]
}

struct Failure {
  const int *where;
};
void throwStructHoldingAddress() {
  int x = 0;
  throw Failure{&x}; // CHECK: throw.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}

void throwArray() {
  char msg[16] = "bad";
  throw msg; // CHECK: throw.cpp:[[@LINE]]:3: warning: address of local 'msg' escapes to the heap{{.*}}[escape-heap]
}

// Thrown inside a try block, even when the handler rethrows.
void throwInTry() {
  try {
    int x = 0;
    throw &x; // CHECK: throw.cpp:[[@LINE]]:5: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
  } catch (...) {
    throw;
  }
}

// A catch-by-value parameter is a local of the handler.
int *catchByValueAddress() {
  try {
    throw 1;
  } catch (int e) {
    return &e; // CHECK: throw.cpp:[[@LINE]]:5: warning: address of local 'e' escapes to the caller; 'e' dangles when 'catchByValueAddress' returns [escape-return]
  }
  return nullptr;
}

// --- Not escaping ---------------------------------------------------------------

void throwValue() {
  int x = 0;
  throw x;
}
void throwParameterPointer(int *p) { throw p; }
void throwLiteral() { throw "bad"; }
void throwStaticAddress() {
  static int s;
  throw &s;
}
int catchByReferenceValue() {
  try {
    throw Failure{nullptr};
  } catch (const Failure &f) {
    return f.where ? 1 : 0;
  }
}

// The exception object dies when the handler exits (no rethrow): '&e'
// refers to it.
const Failure *catchByReferenceAddress() {
  try {
    throw Failure{nullptr};
  } catch (const Failure &e) {
    return &e; // CHECK: throw.cpp:[[@LINE]]:5: warning: address of local 'exception object 'e'' escapes to the caller{{.*}}[escape-return]
  }
  return nullptr;
}
const int *g_code;
void catchStore() {
  try {
    throw 42;
  } catch (const int &e) {
    g_code = &e; // CHECK: throw.cpp:[[@LINE]]:5: warning: address of local 'exception object 'e'' is stored in global 'g_code'{{.*}}[escape-global]
  }
}
