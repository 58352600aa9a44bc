// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A member object built by its constructor in an aggregate initializer
// (`Dependency dep{Factory(x)}`) is built where it lives: what the
// constructor stores into one field (`f_`) is not in its other fields
// (`obj_`). The same holds when the classes are templates over a lambda,
// whose names carry a file path.

#include <memory>

struct Factory {
  explicit Factory(int &f) : f_(&f) {}
  std::shared_ptr<int> get() { return obj_; }
  int *source() { return f_; }
  int *f_;
  std::shared_ptr<int> obj_;
};

struct Dependency {
  Factory object_;
  std::shared_ptr<int> create() { return object_.get(); }
  int *source() { return object_.source(); }
};

int created() {
  std::shared_ptr<int> p;
  {
    int make = 1;
    Dependency dep{Factory(make)};
    p = dep.create(); // the shared_ptr member only
  }
  return *p;
}

int sourced() {
  int *p;
  {
    int make = 1;
    Dependency dep{Factory(make)};
    p = dep.source(); // CHECK: member-object-built-in-place.cpp:[[@LINE]]:5: warning: address of local 'make' is kept in 'p'{{.*}}[escape-scope]
  }
  return *p;
}

template <class F> struct LazyFactory {
  explicit LazyFactory(F &f) : f_(f) {}
  std::shared_ptr<int> operator()() {
    if (!obj_)
      obj_ = f_();
    return obj_;
  }
  F &source() { return f_; }
  F &f_;
  std::shared_ptr<int> obj_;
};

template <class F> struct LazyDependency {
  LazyFactory<F> object_;
  std::shared_ptr<int> create() { return object_(); }
  F *source() { return &object_.source(); }
};

int lazyCreated() {
  std::shared_ptr<int> p;
  {
    auto make = [] { return std::make_shared<int>(42); };
    LazyDependency<decltype(make)> dep{LazyFactory<decltype(make)>(make)};
    p = dep.create(); // the shared_ptr member only
  }
  return *p;
}

int lazySourced() {
  auto make = [] { return std::make_shared<int>(42); };
  decltype(make) *f;
  {
    auto inner = make;
    LazyDependency<decltype(make)> dep{LazyFactory<decltype(make)>(inner)};
    f = dep.source(); // CHECK: member-object-built-in-place.cpp:[[@LINE]]:5: warning: address of local 'inner' is kept in 'f'{{.*}}[escape-scope]
  }
  return *(*f)();
}
