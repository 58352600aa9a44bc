// An optional of a view made from an owner views the owner; made from another
// optional of a view, it copies the view.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <optional>
#include <string>
#include <string_view>

std::string makeName();
void use(std::optional<std::string_view>);

void fromTemporaryOwner() {
  std::optional<std::string_view> o = std::string(); // CHECK: optional-of-view.cpp:[[@LINE]]:39: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'o' keeps its address{{.*}}[escape-scope]
  use(o);
}

void fromTemporaryOptionalOwner(const std::string &s) {
  std::optional<std::string_view> o = std::optional<std::string>(s); // CHECK: optional-of-view.cpp:[[@LINE]]:39: warning: temporary 'std::optional<std::string>' is destroyed{{.*}}[escape-scope]
  use(o);
}

std::optional<std::string_view> returnsViewOfLocal() {
  std::string s = makeName();
  std::optional<std::string_view> o = s;
  return o; // CHECK: optional-of-view.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

// Copies of a view, views of what outlives the frame: fine.
std::optional<std::string_view> copies(std::optional<std::string_view> in) {
  std::optional<std::string_view> o = in;
  std::optional<std::string_view> p;
  p = o;
  return p;
}
std::optional<std::string_view> ofParameter(const std::string &s) {
  std::optional<std::string_view> o = s;
  return o;
}
std::optional<std::string> owning() {
  std::optional<std::string> o = makeName();
  return o;
}
