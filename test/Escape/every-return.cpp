// RUN: not %clang-escape --caret=false %s -- | FileCheck %s --implicit-check-not=warning:

// Every return of a local's address is a finding of its own: fixing the
// first must not hide the second.
int *twice(bool c) {
  int x = 0;
  if (c)
    return &x; // CHECK: every-return.cpp:[[@LINE]]:5: warning: address of local 'x' escapes to the caller; 'x' dangles when 'twice' returns [escape-return]
  return &x; // CHECK: every-return.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'twice' returns [escape-return]
}

// Only the return that carries the address.
int *once(bool c, int *p) {
  int x = 0;
  if (c)
    return p;
  return &x; // CHECK: every-return.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'once' returns [escape-return]
}
