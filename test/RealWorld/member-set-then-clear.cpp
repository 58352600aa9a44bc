// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in google/leveldb (db/db_impl.cc, DBImpl::TEST_CompactRange): the
// address of a local request is published in a member while the function
// waits, and the member is cleared before the return (unconditionally, or
// with 'if (m == &local) m = nullptr;' when a worker may already have cleared
// it). The set-use-clear rule covered only a target cleared in the same
// block; a clear in an enclosing block after the store now counts too.

struct Range {
  const int *begin;
};

struct Compactor {
  Range *manual_ = nullptr;
  void work();

  // Never cleared: reported, correctly.
  void leak(int level) {
    Range manual{&level};
    manual_ = &manual; // CHECK-DAG: member-set-then-clear.cpp:[[@LINE]]:5: warning: address of local 'manual' is stored into *this, which outlives it; 'manual' dangles when 'Compactor::leak' returns [escape-member]
    // CHECK-DAG: member-set-then-clear.cpp:[[@LINE-1]]:5: warning: address of parameter 'level' is stored into *this{{.*}}[escape-member]
    work();
  }

  // Not reported: the store is inside the 'if', the clear after it; on
  // every path 'manual_' no longer holds '&manual' at the return.
  void setInBranchClearAfter(int level) {
    Range manual{nullptr};
    if (level > 0) {
      manual_ = &manual;
      work();
    }
    manual_ = nullptr;
  }

  // Not reported: leveldb's shape. After the guarded clear, 'manual_' is
  // either nullptr or something other than '&manual'.
  void guardedClear(int level) {
    int begin_storage = level;
    Range manual{nullptr};
    if (level > 0)
      manual.begin = &begin_storage;
    while (level-- > 0) {
      if (manual_ == nullptr) {
        manual_ = &manual;
        work();
      }
    }
    if (manual_ == &manual)
      manual_ = nullptr;
  }

  // A return between the store and the clear: reported.
  void returnBeforeClear(int level) {
    Range manual{nullptr};
    if (level > 0) {
      manual_ = &manual; // CHECK: member-set-then-clear.cpp:[[@LINE]]:7: warning: address of local 'manual' is stored into *this{{.*}}[escape-member]
      if (level > 5)
        return;
    }
    manual_ = nullptr;
  }

  // A return anywhere in a loop around the store (a later iteration):
  // reported.
  void returnInLoop(int level) {
    Range manual{nullptr};
    while (level-- > 0) {
      if (level == 3)
        return;
      manual_ = &manual; // CHECK: member-set-then-clear.cpp:[[@LINE]]:7: warning: address of local 'manual' is stored into *this{{.*}}[escape-member]
    }
    manual_ = nullptr;
  }

  // A guarded clear that tests another value does not clear this store:
  // reported.
  void guardOnOtherValue(int level) {
    Range manual{nullptr}, other{nullptr};
    if (level > 0)
      manual_ = &manual; // CHECK: member-set-then-clear.cpp:[[@LINE]]:7: warning: address of local 'manual' is stored into *this{{.*}}[escape-member]
    if (manual_ == &other)
      manual_ = nullptr;
  }

  // A break out of the loop still reaches the clear after it.
  void breakThenClear(int level) {
    Range manual{nullptr};
    for (int i = 0; i < level; ++i) {
      manual_ = &manual;
      if (i == 2)
        break;
      work();
    }
    manual_ = nullptr;
  }
};
