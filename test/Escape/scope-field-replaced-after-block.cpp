// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A block's buffer kept in a field of an outer local (`h.value = buf`) does
// not dangle in it when every path from the block's end gives that field
// another value before the local is read again. Reported when a path may
// read it first, or when only one branch replaces it.

#include <cstdio>

struct Header {
  const char *name;
  const char *value;
};
void add(const Header *);
bool chunked();
bool alive();

void replacedOnEveryPath(unsigned long size) {
  Header h;
  if (!chunked()) {
    char buf[32];
    h.name = "Length";
    h.value = buf;
    std::snprintf(buf, sizeof buf, "%lu", size);
    add(&h);
  }
  if (alive())
    size = 0; // does not read h
  else {
    h.name = "Connection"; // another field: not a read
    if (size)
      h.value = "keep";
    else
      h.value = "close";
    add(&h);
  }
  if (size) {
    h.value = nullptr;
    add(&h);
  }
}

// A path that returns reads nothing after.
void replacedOrReturns(bool quit) {
  Header h;
  {
    char buf[8] = "x";
    h.value = buf;
    add(&h);
  }
  if (quit)
    return;
  h.value = "y";
  add(&h);
}

// A whole new value replaces the field.
void wholeReplaced() {
  Header h;
  {
    char buf[8] = "x";
    h.value = buf;
    add(&h);
  }
  h = Header{"n", "v"};
  add(&h);
}

void readFirst(unsigned long size) {
  Header h;
  if (!chunked()) {
    char buf[32];
    // CHECK: [[@LINE+1]]:5: warning: address of local 'buf' is kept in 'h', which is used after the scope of 'buf' ends [escape-scope]
    h.value = buf;
    std::snprintf(buf, sizeof buf, "%lu", size);
    add(&h);
  }
  if (alive())
    add(&h);
  h.value = "x";
  add(&h);
}

void oneBranch(unsigned long size) {
  Header h;
  {
    char buf[32];
    // CHECK: [[@LINE+1]]:5: warning: address of local 'buf' is kept in 'h', which is used after the scope of 'buf' ends [escape-scope]
    h.value = buf;
    add(&h);
  }
  if (size)
    h.value = "x";
  add(&h);
}

// The replacing store reads the old value.
void readByReplacement() {
  Header h;
  {
    char buf[8] = "x";
    // CHECK: [[@LINE+1]]:5: warning: address of local 'buf' is kept in 'h', which is used after the scope of 'buf' ends [escape-scope]
    h.value = buf;
  }
  h.value = h.value + 1;
  add(&h);
}

// Another field replaced: the kept one is still there.
void otherFieldReplaced() {
  Header h;
  {
    char buf[8] = "x";
    // CHECK: [[@LINE+1]]:5: warning: address of local 'buf' is kept in 'h', which is used after the scope of 'buf' ends [escape-scope]
    h.value = buf;
  }
  h.name = "n";
  add(&h);
}

// --- Known misses -------------------------------------------------------------------------

// FIXME (known miss): 'buf' is kept in 'h', which the next iteration reads
// (i == 0 leaves it there): a read earlier in the loop's body is not taken
// as one after the block.
void inLoop(int n) {
  Header h{"n", "v"};
  for (int i = 0; i < n; ++i) {
    add(&h);
    {
      char buf[8] = "x";
      h.value = buf;
    }
    if (i)
      h.value = "y";
  }
}
