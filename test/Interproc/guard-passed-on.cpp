// A store guarded by a bool parameter (`if (is_mutable) out = contents;`)
// stays guarded through a function that passes its own bool parameter on
// unchanged: the constant a caller two or more calls up passes decides.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape -m %s -- -std=c++20 | FileCheck --check-prefix=DECISION %s

#include <cstdlib>
#include <cstring>

// The caller's buffer itself when is_mutable, else a private copy.
bool mutableBuffer(char *&out, const void *contents, size_t size, bool is_mutable) {
  if (is_mutable) {
    out = static_cast<char *>(const_cast<void *>(contents));
  } else {
    char *copy = static_cast<char *>(std::malloc(size + 1));
    if (!copy)
      return false;
    std::memcpy(copy, contents, size);
    out = copy;
  }
  return true;
}
struct Doc {
  char *buffer = nullptr;
};
Doc *g_doc = new Doc;
// One level between the test and the store: the guard is passed on.
bool loadImpl(Doc *doc, void *contents, size_t size, bool is_mutable) {
  char *buffer = nullptr;
  if (!mutableBuffer(buffer, contents, size, is_mutable))
    return false;
  doc->buffer = buffer;
  return true;
}
// Two levels.
bool load(void *contents, size_t size, bool is_mutable) {
  return loadImpl(g_doc, contents, size, is_mutable);
}
// DECISION: guard-passed-on.cpp:[[@LINE-3]]:17: leaking param: contents (only if is_mutable)
// The flag changed before it is passed on: no longer the caller's to decide.
bool loadNegated(void *contents, size_t size, bool is_mutable) {
  is_mutable = !is_mutable;
  return loadImpl(g_doc, contents, size, is_mutable);
}

void copies() {
  char data[] = "<a/>";
  loadImpl(g_doc, data, sizeof(data), false);
  load(data, sizeof(data), false);
}
void keeps() {
  char data[] = "<a/>";
  load(data, sizeof(data), true); // CHECK: guard-passed-on.cpp:[[@LINE]]:3: warning: address of local 'data' escapes to the heap (via 'load' keeps it){{.*}}[escape-heap]
}
void keepsOneLevel(Doc *doc) {
  char data[] = "<a/>";
  loadImpl(doc, data, sizeof(data), true); // CHECK: guard-passed-on.cpp:[[@LINE]]:3: warning: address of local 'data' escapes to the caller through parameter 'doc'{{.*}}[escape-return]
}
void unknownFlag(bool b) {
  char data[] = "<a/>";
  load(data, sizeof(data), b); // CHECK: guard-passed-on.cpp:[[@LINE]]:3: warning: address of local 'data' escapes to the heap{{.*}}[escape-heap]
}
void reassigned() {
  char data[] = "<a/>";
  loadNegated(data, sizeof(data), false); // CHECK: guard-passed-on.cpp:[[@LINE]]:3: warning: address of local 'data' escapes to the heap{{.*}}[escape-heap]
}
