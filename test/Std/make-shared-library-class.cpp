// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::make_shared and std::make_unique of a standard class run its
// constructor on the arguments as they are, as `new T(args...)` does: its
// model says what the new object keeps. A string or a vector copies what
// it is built from (oatpp's String and Vector wrappers); a view, a span, a
// reference_wrapper or a function keeps it.

#include <cstdio>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

std::shared_ptr<std::string> copiesChars(int value) {
  char buff[16];
  int size = std::snprintf(buff, sizeof buff, "%d", value);
  return std::make_shared<std::string>(&buff[0], size);
}

std::unique_ptr<std::string> copiesArray() {
  char buff[16] = "abc";
  return std::make_unique<std::string>(buff);
}

std::shared_ptr<std::vector<std::string>>
copiesList(std::initializer_list<std::string> il) {
  return std::make_shared<std::vector<std::string>>(il);
}
std::shared_ptr<std::vector<std::string>> list() {
  return copiesList({"a", "b"});
}

std::shared_ptr<std::string_view> views() {
  char buff[16] = "abc";
  return std::make_shared<std::string_view>(buff, 3); // CHECK: make-shared-library-class.cpp:[[@LINE]]:3: warning: address of local 'buff' escapes to the caller{{.*}}[escape-return]
}

std::unique_ptr<std::string_view> viewsOwner() {
  std::string s = "abc";
  return std::make_unique<std::string_view>(s); // CHECK: make-shared-library-class.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

std::shared_ptr<std::span<int>> spans() {
  int arr[4] = {};
  return std::make_shared<std::span<int>>(arr); // CHECK: make-shared-library-class.cpp:[[@LINE]]:3: warning: address of local 'arr' escapes to the caller{{.*}}[escape-return]
}

std::shared_ptr<std::reference_wrapper<int>> refers() {
  int x = 0;
  return std::make_shared<std::reference_wrapper<int>>(x); // CHECK: make-shared-library-class.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

std::shared_ptr<std::function<int()>> calls() {
  int x = 0;
  return std::make_shared<std::function<int()>>([&x] { return x; }); // CHECK: make-shared-library-class.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
}
