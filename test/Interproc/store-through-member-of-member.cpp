// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A callee given a member object of the caller's object (`splice(&base_,
// ...)`) that stores through one of its pointer members (`list->prev->next =
// begin`) stores into what the caller's member points to, found from the
// member's value like any pointer, not into anything: a circular free list
// whose chunks are built inside the storage it is given (foonathan/memory's
// small_free_memory_list) and spliced after its last chunk keeps that
// storage in the list, and the storage keeps the list's sentinel; a local
// list and local storage do not escape. A global list keeps the storage.

#include <cstddef>
#include <new>

struct ChunkBase {
  ChunkBase *prev = this;
  ChunkBase *next = this;
};
static bool before(void *a, void *b) { return a < b; }
static void splice(ChunkBase *list, ChunkBase *begin, ChunkBase *end) {
  if (list->next == list) {
    begin->prev = list;
    end->next = list->next;
    list->next = begin;
    list->prev = end;
  } else if (before(list->prev, begin)) {
    list->prev->next = begin;
    begin->prev = list->prev;
    end->next = list;
    list->prev = end;
  }
}
struct FreeList {
  ChunkBase base_;
  std::size_t capacity_ = 0;
  void insert(void *mem, std::size_t size) {
    auto memory = static_cast<char *>(mem);
    ChunkBase *prev = nullptr;
    for (std::size_t i = 0; i != size / 64; ++i) {
      auto c = ::new (static_cast<void *>(memory)) ChunkBase;
      c->prev = prev;
      if (prev)
        prev->next = c;
      prev = c;
      memory += 64;
    }
    splice(&base_, static_cast<ChunkBase *>(mem), prev);
    capacity_ += size / 64;
  }
};

template <class L> void fill(L &list, void *mem, std::size_t n) {
  list.insert(mem, n);
}

bool localList() {
  FreeList list;
  alignas(ChunkBase) unsigned char a[256], b[128];
  fill(list, a, sizeof a);
  fill(list, b, sizeof b);
  return list.capacity_ != 0;
}

FreeList gList;
void globalList() {
  alignas(ChunkBase) unsigned char d[256];
  // CHECK: [[@LINE+1]]:3: warning: address of local 'd' escapes to the heap
  fill(gList, d, sizeof d);
}
