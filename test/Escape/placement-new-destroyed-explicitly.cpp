// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE --implicit-check-not=warning:

// An object built by placement new in a local buffer and destroyed by an
// explicit destructor call later in the function (pugixml's tests of a
// document at every alignment): what a call on it registers, its
// destructor may unregister, as for a local of that class. A maybe, not a
// fact; without the destructor call the object is never destroyed.

#include <cstddef>
#include <memory>
#include <new>

struct Doc;
struct Page {
  Doc *owner;
  Page *next;
};
Page *allocatePage();
void freePage(Page *);
struct Doc {
  Page *pages = nullptr;
  void load() { pages = new (allocatePage()) Page{this, pages}; }
  ~Doc() {
    for (Page *p = pages; p;) {
      Page *n = p->next;
      freePage(p);
      p = n;
    }
  }
};

void everyAlignment() {
  alignas(Doc) char buf[64 + sizeof(Doc)];
  for (std::size_t off = 0; off < 64; off += alignof(Doc)) {
    Doc *doc = new (buf + off) Doc;
    doc->load(); // MAYBE: placement-new-destroyed-explicitly.cpp:[[@LINE]]:5: warning: address of local 'buf' escapes to the heap{{.*}}until the destructor of '*doc'{{.*}}(maybe
    doc->~Doc();
  }
}

void destroyedAt() {
  alignas(Doc) char buf[sizeof(Doc)];
  Doc *doc = new (buf) Doc;
  doc->load(); // MAYBE: placement-new-destroyed-explicitly.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the heap{{.*}}(maybe
  std::destroy_at(doc);
}

void neverDestroyed() {
  alignas(Doc) char buf[sizeof(Doc)];
  Doc *doc = new (buf) Doc;
  doc->load(); // CHECK: placement-new-destroyed-explicitly.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the heap{{.*}}[escape-heap]
}

void destroyedBefore() {
  alignas(Doc) char buf[sizeof(Doc)];
  Doc *doc = new (buf) Doc;
  doc->~Doc();
  doc->load(); // CHECK: placement-new-destroyed-explicitly.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the heap{{.*}}[escape-heap]
}
