// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// Real libstdc++ headers.
// `optional<T>::value_or` returns a copy of the value, or of the default it
// is given: what the value holds, never the optional's own address.
#include <functional>
#include <optional>

struct Holder {
  std::optional<int *> p;
  std::optional<std::function<void()>> f;
};

int *storedOrNull(Holder h) { return h.p.value_or(nullptr); }

std::function<void()> callbackOr(Holder h) {
  return h.f.value_or([] {});
}

int *orLocal(Holder h) {
  int local = 0;
  return h.p.value_or(&local); // CHECK: :[[@LINE]]:3: warning: address of local 'local' escapes to the caller
}

int *const &elementRef(const Holder &h) { return *h.p; }

int *const &ownElement() {
  std::optional<int *> o;
  return *o; // CHECK: :[[@LINE]]:3: warning: address of local 'o' escapes to the caller
}
