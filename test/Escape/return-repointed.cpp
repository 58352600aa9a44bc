// RUN: not %clang-escape --caret=false %s -- | FileCheck %s --implicit-check-not=warning:

// What a returned pointer variable holds at the return leaves the function,
// not every value it was ever given: a pointer re-pointed before the return
// does not carry its earlier target out.

int *clearedParameter(int *x) {
  int scratch = 0;
  x = &scratch;
  *x = 1;
  x = nullptr;
  return x;
}

int *backToParameter(int *param) {
  int scratch = 0;
  int *cursor = &scratch;
  *cursor = 2;
  cursor = param;
  return cursor;
}

// Re-pointed at a local last: reported.
int *toLocalLast(int *param) {
  int local = 0;
  int *cursor = param;
  cursor = &local;
  return cursor; // CHECK: return-repointed.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'toLocalLast' returns [escape-return]
}

// Re-pointed on one branch only: either value may leave.
int *toLocalOnABranch(int *param, bool c) {
  int local = 0;
  int *cursor = param;
  if (c)
    cursor = &local;
  return cursor; // CHECK: return-repointed.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'toLocalOnABranch' returns [escape-return]
}

// Each return of the local is its own finding.
int *twoReturns(bool c) {
  int local = 0;
  int *cursor = &local;
  if (c)
    return cursor; // CHECK: return-repointed.cpp:[[@LINE]]:5: warning: address of local 'local' escapes to the caller; 'local' dangles when 'twoReturns' returns [escape-return]
  *cursor = 3;
  return cursor; // CHECK: return-repointed.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'twoReturns' returns [escape-return]
}

// Written through its address, maybe: either value may leave.
void repoint(int **slot, int *to, bool c) {
  if (c)
    *slot = to;
}
int *throughItsAddress(int *param, bool c) {
  int local = 0;
  int *cursor = &local;
  repoint(&cursor, param, c);
  return cursor; // CHECK: return-repointed.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'throughItsAddress' returns [escape-return]
}

// A label between the re-pointing and the return: a jump may skip it.
int *jumpedOver(int *param, bool c) {
  int local = 0;
  int *cursor = &local;
  if (c)
    goto out;
  cursor = param;
out:
  return cursor; // CHECK: return-repointed.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'jumpedOver' returns [escape-return]
}
