// RUN: not %clang-escape --caret=false %s -- -std=c++14 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// Before C++17 a returned or initializing temporary is copied or moved by
// an elidable constructor, which every compiler elides: the temporary is
// built where the copy would be. An object whose constructor keeps its own
// address (`[this]`) therefore keeps the caller's object, in C++14 as in
// C++17 (boost-ext/di's injector, converted from its bindings).

#include <functional>
#include <map>

struct Bindings {
  int key;
};

struct Registry {
  Registry() = default;
  Registry(const Bindings &b) { install(b); }
  void install(const Bindings &b) {
    fns_[b.key] = [this] { return size(); };
  }
  int size() const { return static_cast<int>(fns_.size()); }
  std::map<int, std::function<int()>> fns_;
};

Registry converted() { return Bindings{1}; }

Registry constructed() { return Registry(Bindings{2}); }

int initialized() {
  Registry r = Registry(Bindings{3});
  return r.fns_[3]();
}

// What the temporary keeps of a local still reaches the caller.
struct Holder {
  explicit Holder(const int &x) : p(&x) {}
  const int *p;
};
Holder holdLocal() {
  int x = 1;
  return Holder(x); // CHECK: elided-copy.cpp:[[@LINE]]:{{[0-9]+}}: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
