// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::make_unique<T>(args...) builds T with the arguments: when the
// constructor it calls keeps the address of one ([[clang::lifetimebound]] on
// a reference parameter, a [[gsl::Pointer]] built from a [[gsl::Owner]]),
// the new object refers to that argument. A constructor that copies its
// argument does not.

#include <memory>

struct [[gsl::Owner(int)]] Pool {
  Pool();
  ~Pool();
};

struct Cursor {
  Cursor(const Pool &pool [[clang::lifetimebound]]);
};

struct [[gsl::Pointer(int)]] PoolView {
  PoolView(const Pool &pool);
};

struct Snapshot {
  Snapshot(const Pool &pool);
};

std::unique_ptr<Cursor> overTemporary() {
  return std::make_unique<Cursor>(Pool{}); // CHECK: make-unique-keeping-constructor.cpp:[[@LINE]]:3: warning: temporary 'Pool' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

std::unique_ptr<PoolView> viewOfLocal() {
  Pool local;
  return std::make_unique<PoolView>(local); // CHECK: make-unique-keeping-constructor.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'viewOfLocal' returns [escape-return]
}

struct Holder {
  std::unique_ptr<Cursor> cursor;
  void reset(Pool pool) {
    cursor = std::make_unique<Cursor>(pool); // CHECK: make-unique-keeping-constructor.cpp:[[@LINE]]:5: warning: address of parameter 'pool' is stored into *this, which outlives it; 'pool' dangles when 'Holder::reset' returns [escape-member]
  }
};

// The constructor copies: nothing refers to the argument.
std::unique_ptr<Snapshot> copiesTemporary() {
  return std::make_unique<Snapshot>(Pool{});
}

// The argument outlives the new object.
void overLongerLived(const Pool &shared) {
  auto cursor = std::make_unique<Cursor>(shared);
}
