// [[clang::lifetime_capture_by(X)]] on a function without a body is a fact:
// the argument is stored into what X refers to, or somewhere global. The
// attribute exists from clang 20 on.
// REQUIRES: lifetime-capture-by
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Set {
  void add(int *p [[clang::lifetime_capture_by(this)]]);
  int size() const;
};
void keepGlobally(int *p [[clang::lifetime_capture_by(global)]]);
void keepIn(int *p [[clang::lifetime_capture_by(s)]], Set &s);

// Into the caller's object: the caller's Set outlives 'x'.
void captureIntoParameter(Set &s) {
  int x = 0;
  s.add(&x); // CHECK: lifetime-capture-by.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 's' refers to; 'x' dangles when 'captureIntoParameter' returns [escape-member]
}

// Into a local Set that dies before 'x': nothing, and the Set itself does
// not escape.
void captureIntoLocal() {
  int x = 0;
  Set s;
  s.add(&x);
}

// Into a local Set that outlives 'x' and is used after 'x' died.
int captureIntoOuterLocal() {
  Set s;
  {
    int x = 0;
    s.add(&x); // CHECK: lifetime-capture-by.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 's', which is used after the scope of 'x' ends [escape-scope]
  }
  return s.size();
}

// Somewhere global.
void captureGlobally() {
  int x = 0;
  keepGlobally(&x); // CHECK: lifetime-capture-by.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap (via 'keepGlobally' keeps it); 'x' dangles when 'captureGlobally' returns [escape-heap]
}

// Into another parameter's object.
void captureIntoNamedParameter(Set &s) {
  int x = 0;
  keepIn(&x, s); // CHECK: lifetime-capture-by.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller through parameter 's'; 'x' dangles when 'captureIntoNamedParameter' returns [escape-return]
}
