// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in google/leveldb (db/skiplist.h, SkipList::Contains calls
// FindGreaterOrEqual(key, nullptr)): an optional out-parameter 'prev' is
// written only when non-null. A call passing 'nullptr' is treated as storing
// '*this''s contents into {heap}, so every local whose address the object
// holds (the skip list's arena) is reported.

struct List {
  int *head_;
  explicit List(int *h) : head_(h) {}
  int *find(int key, int **prev) const {
    if (prev != nullptr)
      *prev = head_;
    return key ? head_ : nullptr;
  }
  bool contains(int key) const { return find(key, nullptr) != nullptr; }
  int *findInto(int key, int **prev) const { return find(key, prev); }
};

// Not reported: 'nullptr' has no pointee, nothing is stored.
bool nullOutParam() {
  int arena = 0;
  List l(&arena);
  return l.contains(3);
}

// A local out-parameter: fine, not reported.
bool localOutParam() {
  int arena = 0;
  List l(&arena);
  int *prev = nullptr;
  return l.findInto(3, &prev) == prev;
}

// A global out-parameter does keep the address: reported, correctly.
int *g_prev;
bool globalOutParam() {
  int arena = 0;
  List l(&arena);
  return l.findInto(3, &g_prev) != nullptr; // CHECK: null-out-parameter.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'arena' is stored in global 'g_prev'{{.*}}[escape-global]
}
