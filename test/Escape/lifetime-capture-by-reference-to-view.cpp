// [[clang::lifetime_capture_by(X)]] on a reference to a view or a pointer
// captures what the view points to, not the view itself: the temporary view
// made for the call may die, what it shows must not (as clang reads it, and
// as it infers for `insert(pos, T &&)` of a container of views).
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <string>
#include <string_view>

struct Views {
  void add(const std::string_view &v [[clang::lifetime_capture_by(this)]]);
  void addPointer(int *const &p [[clang::lifetime_capture_by(this)]]);
  int size() const;
};

void viewOfLiteral(Views &vs) {
  vs.add(std::string_view("literal"));
}

void viewOfTemporaryString(Views &vs) {
  vs.add(std::string("temporary")); // CHECK: lifetime-capture-by-reference-to-view.cpp:[[@LINE]]:3: warning: temporary 'std::string' {{.*}}[escape-member]
}

int g_value;
void pointerToGlobal(Views &vs) {
  vs.addPointer(&g_value);
}

void pointerToLocal(Views &vs) {
  int local = 0;
  vs.addPointer(&local); // CHECK: lifetime-capture-by-reference-to-view.cpp:[[@LINE]]:3: warning: address of local 'local' {{.*}}[escape-member]
}
