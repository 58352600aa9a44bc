// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A standard container declared without its members (a test's stand-in for
// <vector>, clang's lifetime-analysis.h) holds its elements all the same:
// that it is an empty class says nothing of where its elements live. So
// does a [[gsl::Owner]] class of the program's.

namespace std {
template <typename T> struct basic_string_view {
  basic_string_view();
  basic_string_view(const char *);
  const T *p;
};
using string_view = basic_string_view<char>;
struct string {
  string();
  ~string();
  operator string_view() const [[clang::lifetimebound]];
  char *data;
};
template <typename T> struct vector {
  using iterator = T *;
  vector();
  ~vector();
  iterator begin();
  iterator insert(iterator, T &&);
  void push_back(T &&);
};
} // namespace std

void use(const std::vector<std::string_view> &);

void inserted() {
  std::vector<std::string_view> views;
  views.insert(views.begin(), std::string()); // CHECK: container-declared-without-members.cpp:[[@LINE]]:3: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'views' keeps its address and is used later [escape-scope]
  use(views);
}

void pushed() {
  std::vector<std::string_view> views;
  views.push_back(std::string()); // CHECK: container-declared-without-members.cpp:[[@LINE]]:3: warning: temporary 'std::string' is destroyed{{.*}}[escape-scope]
  use(views);
}
