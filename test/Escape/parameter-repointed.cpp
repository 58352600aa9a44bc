// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A pointer parameter re-pointed by a statement of the function's body
// (`code = strdup(code);`) holds the new value from there on: what the
// caller gave is read by the right side only, and a store of the parameter
// after it keeps the copy, not the caller's buffer.

#include <cstdlib>
#include <cstring>

struct Holder {
  const char *s = nullptr;
};

void keepCopy(const char *code, Holder *h) {
  code = strdup(code);
  h->s = code;
}

void keepOriginal(const char *code, Holder *h) { h->s = code; }

// Re-pointed on one branch only: the caller's buffer may be kept.
void keepMaybeCopy(const char *code, Holder *h, bool copy) {
  if (copy)
    code = strdup(code);
  h->s = code;
}

// The new value is derived from the old one: still the caller's buffer.
void keepAdvanced(const char *code, Holder *h) {
  code = code + 1;
  h->s = code;
}

// Kept before it is re-pointed.
void keepThenCopy(const char *code, Holder *h) {
  h->s = code;
  code = strdup(code);
  free(const_cast<char *>(code));
}

// Its address is taken: not followed.
void keepThroughAlias(const char *code, Holder *h) {
  const char **alias = &code;
  code = strdup(code);
  *alias = code;
  h->s = code;
}

Holder Kept;

void callCopy() {
  char buf[8] = "x";
  keepCopy(buf, &Kept);
}
void callOriginal() {
  char buf[8] = "x";
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: address of local 'buf' is stored in global 'Kept'
  keepOriginal(buf, &Kept);
}
void callMaybeCopy() {
  char buf[8] = "x";
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: address of local 'buf' is stored in global 'Kept'
  keepMaybeCopy(buf, &Kept, true);
}
void callAdvanced() {
  char buf[8] = "x";
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: address of local 'buf' is stored in global 'Kept'
  keepAdvanced(buf, &Kept);
}
void callThenCopy() {
  char buf[8] = "x";
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: address of local 'buf' is stored in global 'Kept'
  keepThenCopy(buf, &Kept);
}
void callThroughAlias() {
  char buf[8] = "x";
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: address of local 'buf' is stored in global 'Kept'
  keepThroughAlias(buf, &Kept);
}
