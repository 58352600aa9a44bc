// A [[gsl::Pointer]] class assigned from its [[gsl::Owner]]: it views the
// owner (its operator= has no body); assigned from another Pointer, it copies.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Its destructor, defined elsewhere, frees what it owns: no RAII
// registration that would make the store a maybe.
struct [[gsl::Owner(int)]] Pool {
  Pool();
  ~Pool();
  int *begin();
};
struct [[gsl::Pointer(int)]] PoolRef {
  PoolRef();
  PoolRef &operator=(const Pool &p);
  PoolRef &operator=(const PoolRef &other);
  int *begin();
};

PoolRef g_ref;

void assignTemporaryOwner() {
  g_ref = Pool(); // CHECK: gsl-pointer-assign.cpp:[[@LINE]]:3: warning: temporary 'Pool' is stored in global 'g_ref'; it is destroyed at the end of the full-expression [escape-global]
}

void assignOtherPointer(const PoolRef &other) { g_ref = other; }

PoolRef assignLocalOwner() {
  Pool p;
  PoolRef r;
  r = p;
  return r; // CHECK: gsl-pointer-assign.cpp:[[@LINE]]:3: warning: address of local 'p' escapes to the caller; 'p' dangles when 'assignLocalOwner' returns [escape-return]
}
