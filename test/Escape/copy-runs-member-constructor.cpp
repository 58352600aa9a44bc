// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A class whose copy and move constructors the compiler writes copies each
// member with that member's own constructor. An optional that points at
// its own storage (Catch2's Optional<T>) points a copy at the copy's
// storage, so copying or moving the outer class does not carry the
// source's own address along. What the other members hold is copied.

#include <new>
#include <string>
#include <utility>
#include <vector>

template <typename T> class Optional {
public:
  Optional() : value(nullptr) {}
  ~Optional() { reset(); }
  Optional(T &&v) : value(new (storage) T(std::move(v))) {}
  Optional(const Optional &o) : value(o ? new (storage) T(*o) : nullptr) {}
  Optional(Optional &&o) : value(o ? new (storage) T(std::move(*o)) : nullptr) {}
  void reset() {
    if (value)
      value->~T();
    value = nullptr;
  }
  T &operator*() const { return *value; }
  explicit operator bool() const { return value != nullptr; }

private:
  T *value;
  alignas(T) char storage[sizeof(T)];
};

struct Spec {
  std::string name;
  Optional<std::string> file;
};

// Through a member and a base, a class further out.
struct Outer : Spec {
  Spec inner;
};

Optional<Spec> parse(std::string a, std::string b) {
  return Spec{std::move(a), Optional<std::string>(std::move(b))};
}

Optional<Outer> parseOuter() { return Outer{}; }

struct Config {
  std::vector<Spec> specs;
  void add(const char *f) {
    specs.push_back({"junit", Optional<std::string>(std::string(f))});
  }
};

// A member holding another object's address is still copied.
struct Keep {
  Optional<std::string> file;
  const int *seen = nullptr;
};
std::vector<Keep> kept;
void keep() {
  int local = 0;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'local' is stored in global 'kept'{{.*}}[escape-global]
  kept.push_back(Keep{{}, &local});
}

Optional<Keep> keepReturned() {
  static int forever = 0;
  int local = 0;
  Keep k{{}, &forever};
  k.seen = &local;
  // CHECK: [[@LINE+1]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
  return std::move(k);
}
