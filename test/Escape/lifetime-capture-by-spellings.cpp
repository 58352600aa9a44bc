// The argument-less spellings of [[clang::lifetime_capture_by]] that later
// Clangs accept, `_this`, `_global` and `_unknown`, say the same as
// `lifetime_capture_by(this)`, `(global)` and `(unknown)`; a compiler that
// does not know them drops them, and clang-escape reads them from the source.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 -Wno-unknown-attributes | FileCheck %s --implicit-check-not=warning:

struct Set {
  void add(int *p [[clang::lifetime_capture_by_this]]);
  int size() const;
};
void keepGlobally(int *p [[clang::lifetime_capture_by_global]]);
void keepSomewhere(int *p [[clang::lifetime_capture_by_unknown]]);
void look(int *p);

int intoLocalSet() {
  Set s;
  int x = 0;
  s.add(&x);
  return s.size();
}

void intoParameterSet(Set &s) {
  int x = 0;
  s.add(&x); // CHECK: lifetime-capture-by-spellings.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 's' refers to{{.*}}[escape-member]
}

void globally() {
  int x = 0;
  keepGlobally(&x); // CHECK: lifetime-capture-by-spellings.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
  look(&x);
}

void somewhere() {
  int y = 0;
  keepSomewhere(&y); // CHECK: lifetime-capture-by-spellings.cpp:[[@LINE]]:3: warning: address of local 'y' escapes to the heap{{.*}}[escape-heap]
}
