// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A class whose constructor says it keeps what a parameter refers to
// (`[[clang::lifetimebound]]`) holds that address, although no field shows
// it: a declared-only function that returns one from a lifetimebound
// argument hands back the argument's address, and the compiler's copy and
// assignment carry it along.

#include <string>

template <class T> void use(T);

struct Token {
  Token();
  Token(const std::string &s [[clang::lifetimebound]]);
};

Token tokenOf(const std::string &s [[clang::lifetimebound]]);
Token tokenUnannotated(const std::string &s);

struct Factory {
  Token make(const std::string &s [[clang::lifetimebound]]);
  Token self() const [[clang::lifetimebound]];
};

void fromTemporary() {
  Token t = tokenOf(std::string("temp")); // CHECK: lifetimebound-opaque-record.cpp:[[@LINE]]:9: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  Token u = tokenUnannotated(std::string("temp"));
  use(t);
  use(u);
}

void fromMethod(Factory &f) {
  Token t = f.make(std::string("temp")); // CHECK: lifetimebound-opaque-record.cpp:[[@LINE]]:9: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 't' keeps its address and is used later [escape-scope]
  use(t);
}

void assignedInInnerScope() {
  Token t;
  {
    std::string s{"abc"};
    t = tokenOf(s); // CHECK: lifetimebound-opaque-record.cpp:[[@LINE]]:5: warning: address of local 's' is kept in 't', which is used after the scope of 's' ends [escape-scope]
  }
  use(t);
}

void assignedFromThis() {
  Token t;
  {
    Factory f;
    t = f.self(); // CHECK: lifetimebound-opaque-record.cpp:[[@LINE]]:5: warning: address of local 'f' is kept in 't', which is used after the scope of 'f' ends [escape-scope]
  }
  use(t);
}

void sameScope() {
  std::string s{"abc"};
  Token t = tokenOf(s);
  Token copy = t;
  use(copy);
}

Token returnedCopy() {
  std::string s{"abc"};
  Token t = tokenOf(s);
  Token copy = t;
  return copy; // CHECK: lifetimebound-opaque-record.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}
