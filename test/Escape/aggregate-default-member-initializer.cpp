// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// In an aggregate's initialization (`Anchor a{};`) a default member
// initializer's `this` is the aggregate being initialized, not the object
// of the function the initialization is written in.

struct Anchor {
  int v = 0;
  const Anchor *self = this;
  const int *value = &v;
};
struct Pair {
  Anchor a;
  int n;
};

const Anchor *gKept;
const int *gValue;

void aggregateKept() {
  Anchor x{};
  // CHECK: [[@LINE+1]]:3: warning: address of local 'x' is stored in global 'gKept'
  gKept = x.self;
}
void memberAddressKept() {
  Anchor x{};
  // CHECK: [[@LINE+1]]:3: warning: address of local 'x' is stored in global 'gValue'
  gValue = x.value;
}
void nestedAggregateKept() {
  Pair p{{}, 1};
  // CHECK: [[@LINE+1]]:3: warning: address of local 'p' is stored in global 'gKept'
  gKept = p.a.self;
}
bool aggregateLocal() {
  Anchor x{};
  return x.self == &x;
}

// Built in a method: the aggregate's address, not the method's object.
struct Holder {
  const Anchor *kept = nullptr;
  void build() {
    Anchor x{};
    kept = x.self == &x ? nullptr : this->kept;
  }
  // CHECK: [[@LINE+1]]:29: warning: address of local 'x' {{.*}}
  void leak() { Anchor x{}; kept = x.self; }
};
