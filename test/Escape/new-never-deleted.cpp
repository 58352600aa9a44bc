// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An object made by a new-expression whose address the statement drops is
// never deleted: it lives on, and so does what it refers to.

struct [[gsl::Owner(int)]] Store {
  Store();
  ~Store();
};
struct [[gsl::Pointer(int)]] Handle {
  Handle(const Store &s);
};
struct Copy {
  Copy(const Store &s);
};

void leakedHandle() {
  new Handle(Store{}); // CHECK: new-never-deleted.cpp:[[@LINE]]:{{[0-9]+}}: warning: temporary 'Store' {{.*}}
}

void leakedCopy() {
  new Copy(Store{});
}

// Kept and deleted: the handle dies before the store.
void deletedHandle() {
  Store s;
  Handle *h = new Handle(s);
  delete h;
}
