// [[clang::lifetime_capture_by(X)]] on a function without a body is a fact:
// the argument is stored into what X refers to, or somewhere global. The
// attribute exists from clang 20 on; clang 19 drops it, and clang-escape reads
// it from the source there (lib/Build/CaptureBySpelling.cpp).
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

// Two targets, the object and a parameter; a parameter without the
// attribute is the conservative default, a maybe, hidden.
struct Registry {
  void both(int *p [[clang::lifetime_capture_by(this, other)]], Set &other);
  void plain(int *p);
};
void captureIntoBoth(Registry &r, Set &other) {
  int x = 0;
  r.both(&x, other); // CHECK: lifetime-capture-by.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'r' refers to; 'x' dangles when 'captureIntoBoth' returns [escape-member]
  // CHECK: lifetime-capture-by.cpp:[[@LINE-1]]:3: warning: address of local 'x' escapes to the caller through parameter 'other'; 'x' dangles when 'captureIntoBoth' returns [escape-return]
  int y = 0;
  r.plain(&y);
}

// A name in a comment or a default argument is not the attribute.
void keepNothing(int *p /* lifetime_capture_by(global) */, int n = 0);
void notCaptured() {
  int x = 0;
  keepNothing(&x);
}
