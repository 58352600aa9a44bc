// [[clang::lifetime_capture_by(X)]] where X is the first parameter of a
// function without `this` (Clang numbers it 0, as `this` of a method), and
// on a parameter with a default argument (Clang 22 drops the attribute
// there: clang-escape reads it from the source; the default argument is a
// temporary of the call).
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Set {
  int size() const;
};
struct Temp {
  Temp();
  ~Temp();
  int v;
};
void keepFirst(Set &s, const Temp &t [[clang::lifetime_capture_by(s)]]);
void keepDefault(Set &s, const Temp &t [[clang::lifetime_capture_by(s)]] = Temp());
void keepNone(Set &s, const Temp &t);

int captureIntoFirst() {
  Set s;
  keepFirst(s, Temp()); // CHECK: lifetime-capture-by-first-parameter.cpp:[[@LINE]]:3: warning: temporary 'Temp' is destroyed at the end of the full-expression, but 's' keeps its address and is used later [escape-scope]
  Temp local;
  keepFirst(s, local);
  return s.size();
}

// The default argument itself is a temporary of the call too.
int captureWithDefaultArgument(bool b) {
  Set s;
  if (b)
    keepDefault(s, Temp()); // CHECK: lifetime-capture-by-first-parameter.cpp:[[@LINE]]:5: warning: temporary 'Temp' is destroyed at the end of the full-expression, but 's' keeps its address and is used later [escape-scope]
  else
    keepDefault(s); // CHECK: lifetime-capture-by-first-parameter.cpp:[[@LINE]]:5: warning: temporary 'Temp' is destroyed at the end of the full-expression, but 's' keeps its address and is used later [escape-scope]
  return s.size();
}

// Without the attribute, an unknown callee is only a maybe: nothing.
int notCaptured() {
  Set s;
  keepNone(s, Temp());
  return s.size();
}

// Captured by the first parameter, that parameter's object outlives the
// local: the caller's Set.
void captureIntoCallersFirst(Set &s) {
  Temp local;
  keepFirst(s, local); // CHECK: lifetime-capture-by-first-parameter.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller through parameter 's'; 'local' dangles when 'captureIntoCallersFirst' returns [escape-return]
}
