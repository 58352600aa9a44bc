// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A std::string built from a view copies the characters: it keeps no
// address of what the view refers to.

#include <string>
#include <string_view>

struct Result {
  Result(std::string_view file, std::string_view message)
      : file_(file), message_(message) {}
  const char *message() const { return message_.c_str(); }
  std::string file_;
  std::string message_;
};
std::string get();

int copiesTheTemporary() {
  const Result r("f.cc", get().c_str());
  return r.message()[0];
}

// A view member keeps the address: the temporary dies first.
struct ViewResult {
  explicit ViewResult(std::string_view message) : message_(message) {}
  std::string_view message_;
};
int keepsTheTemporary() {
  const ViewResult r(get()); // CHECK: string-from-view.cpp:[[@LINE]]:20: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'r' keeps its address and is used later [escape-scope]
  return r.message_[0];
}
