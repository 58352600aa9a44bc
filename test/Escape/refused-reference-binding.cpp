// A function returning a non-const reference that returns a temporary does
// not compile: Clang refuses the binding and keeps the value it would have
// bound. That value is a temporary destroyed at the end of the return.
// Other code Clang rejects reports nothing.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 2>/dev/null | FileCheck %s --implicit-check-not=warning:

struct Text {
  Text();
  ~Text();
  Text substr(int) const;
};
Text make();
int value(int &x);

Text &byValueCall() {
  return make(); // CHECK: refused-reference-binding.cpp:[[@LINE]]:3: warning: temporary 'Text' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

int &arithmetic(int b) {
  return 2 * (b + 1); // CHECK: refused-reference-binding.cpp:[[@LINE]]:3: warning: temporary 'int' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

Text &memberCall(const Text &t) {
  return t.substr(1); // CHECK: refused-reference-binding.cpp:[[@LINE]]:3: warning: temporary 'Text' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

// Negatives: a reference the caller gave, a call of something undeclared, a
// conversion Clang rejects.
int &fromCaller(int &x) { return x; }
int &undeclared() { return missing(); }
int &badConversion(const int *p) { return *static_cast<long *>(p); }
int &byReference(int &x) {
  int &r = x;
  return r;
}
