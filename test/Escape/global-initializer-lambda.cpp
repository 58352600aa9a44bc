// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A lambda in the initializer of a global runs before main, even when the
// global holds no address (`int n = [] { ... }();`).

int *leaked = nullptr;

int escaping = [] {
  int local = 0;
  leaked = &local; // CHECK: global-initializer-lambda.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'leaked'{{.*}}[escape-global]
  return 1;
}();

int nested = [] {
  auto inner = [] {
    int local = 0;
    leaked = &local; // CHECK: global-initializer-lambda.cpp:[[@LINE]]:5: warning: address of local 'local' is stored in global 'leaked'{{.*}}[escape-global]
    return 0;
  };
  return inner();
}();

struct Holder {
  static inline int member = [] {
    int local = 0;
    leaked = &local; // CHECK: global-initializer-lambda.cpp:[[@LINE]]:5: warning: address of local 'local' is stored in global 'leaked'{{.*}}[escape-global]
    return 1;
  }();
};

int generic = [](auto n) {
  int local = n;
  leaked = &local; // CHECK: global-initializer-lambda.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'leaked'{{.*}}[escape-global]
  return 1;
}(0);

// Negatives: a lambda that keeps a static's address, one that only reads.
int keepsStatic = [] {
  static int s;
  leaked = &s;
  return 1;
}();

int reads = [] {
  int local = 4;
  int *q = &local;
  return *q;
}();
