// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::make_unique<T>(args...) and std::make_shared<T>(args...) run T's
// constructor on the new object, as `new T(args...)` does: what the
// constructor keeps, the object holds, and nothing else. A constructor that
// copies what a view shows keeps no address of it.

#include <memory>
#include <string>
#include <string_view>

struct Named {
  std::size_t len;
  explicit Named(std::string_view name) : len(name.size()) {}
};

struct Viewing {
  std::string_view name;
  explicit Viewing(std::string_view n) : name(n) {}
};

std::unique_ptr<Named> makeNamed(std::string_view n) {
  return std::make_unique<Named>(n);
}
std::shared_ptr<Named> makeSharedNamed(std::string_view n) {
  return std::make_shared<Named>(n);
}
std::unique_ptr<Viewing> makeViewing(std::string_view n) {
  return std::make_unique<Viewing>(n);
}

std::unique_ptr<Named> copiesTheCharacters() {
  return makeNamed(std::string{"DEFAULT"});
}

std::shared_ptr<Named> copiesTheCharactersShared() {
  return makeSharedNamed(std::string{"DEFAULT"});
}

std::unique_ptr<Viewing> keepsTheView() {
  return makeViewing(std::string{"DEFAULT"}); // CHECK: make-unique-runs-constructor.cpp:[[@LINE]]:3: warning: temporary 'std::string' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

// A conversion on the way (a string given for a view): the object holds
// what the argument holds.
std::unique_ptr<Viewing> convertedOnTheWay() {
  std::string local = "x";
  return std::make_unique<Viewing>(local); // CHECK: make-unique-runs-constructor.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}
