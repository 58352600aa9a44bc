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

// Inserting or appending a view into a string copies its characters too,
// also with Clang 20 and later, which infer lifetime_capture_by(this) for a
// view argument of a standard container's insert.
#include <vector>
std::string insertsTheCharacters() {
  std::string msg;
  msg.insert(0, std::string_view(get()));
  msg.append(std::string_view(get()));
  return msg;
}

// A container of views keeps the address.
std::size_t keepsTheView() {
  std::vector<std::string_view> views;
  views.push_back(get()); // CHECK: string-from-view.cpp:[[@LINE]]:3: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'views' keeps its address and is used later [escape-scope]
  return views.size();
}
