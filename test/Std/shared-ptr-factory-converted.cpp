// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A factory that makes a derived object and returns it as a shared_ptr of
// its base (`return std::make_shared<Impl>(...)` converted to
// `std::shared_ptr<Base>` by a constructor taking the temporary by
// reference) still hands back a fresh object: the caller's local owners
// destroy it, and what it holds dies with them. A child keeping a raw
// back-pointer to its parent (`child->parent_ = this`) does not make the
// parent live longer.

#include <functional>
#include <memory>
#include <string>
#include <vector>

struct Base {
  virtual ~Base() {
    for (auto &c : children_)
      c->parent_ = nullptr;
  }
  virtual std::string render() = 0;
  void add(std::shared_ptr<Base> child) {
    child->parent_ = this;
    children_.push_back(std::move(child));
  }
  Base *parent_ = nullptr;
  std::vector<std::shared_ptr<Base>> children_;
};
using Component = std::shared_ptr<Base>;

struct Impl : Base {
  explicit Impl(std::function<std::string()> r) : render_(std::move(r)) {}
  std::string render() override { return render_(); }
  std::function<std::string()> render_;
};

Component renderer(std::function<std::string()> render) {
  return std::make_shared<Impl>(std::move(render));
}

Component renderer(Component child, std::function<std::string()> render) {
  Component r = renderer(std::move(render));
  r->add(std::move(child));
  return r;
}

std::size_t ownedByLocals(std::string path) {
  auto button = renderer([] { return std::string("button"); });
  auto parent = renderer(button, [&] { return path + button->render(); });
  return parent->render().size();
}

Component returned(std::string path) {
  auto button = renderer([] { return std::string("button"); });
  auto parent = renderer(button, [&] { return path; });
  return parent; // CHECK: shared-ptr-factory-converted.cpp:[[@LINE]]:3: warning: lambda expression captures parameter 'path' by reference and outlives it (sink ~r0){{.*}}[escape-lambda-capture]
}

Component kept;
std::size_t storedInGlobal(std::string path) {
  auto parent = renderer([&] { return path; });
  kept = parent; // CHECK: shared-ptr-factory-converted.cpp:[[@LINE]]:3: warning: lambda expression captures parameter 'path' by reference and outlives it (sink {global kept}){{.*}}[escape-lambda-capture]
  return 0;
}
