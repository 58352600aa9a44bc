// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A member assigned through a class's operator= (a std::string_view, a
// std::span) follows the "set, use, clear" rule of a plain assignment: a
// later assignment of the same member before any exit, in the block or after
// the block holding the store, leaves it without the local's address.

#include <string>
#include <string_view>

extern std::string kGlobal;
void work();

struct Holder {
  std::string_view view;
  const char *p = nullptr;

  // Overwritten in the same block: not reported.
  void setThenOverwrite() {
    std::string local;
    view = local;
    p = local.data();
    work();
    view = kGlobal;
    p = kGlobal.data();
  }

  // Overwritten after the block that holds the store: not reported.
  void setInBlockThenOverwrite() {
    {
      std::string local;
      view = local;
      work();
    }
    view = kGlobal;
  }

  // Never overwritten: reported.
  void setOnly() {
    std::string local;
    view = local; // CHECK: view-member-set-then-clear.cpp:[[@LINE]]:5: warning: address of local 'local' is stored into *this, which outlives it; 'local' dangles when 'Holder::setOnly' returns [escape-member]
  }

  // A return between the store and the overwrite: reported.
  void returnBeforeOverwrite(bool c) {
    std::string local;
    view = local; // CHECK: view-member-set-then-clear.cpp:[[@LINE]]:5: warning: address of local 'local' is stored into *this{{.*}}[escape-member]
    if (c)
      return;
    view = kGlobal;
  }

  // Overwritten first, set after: reported.
  void overwriteThenSet() {
    view = kGlobal;
    std::string local;
    view = local; // CHECK: view-member-set-then-clear.cpp:[[@LINE]]:5: warning: address of local 'local' is stored into *this{{.*}}[escape-member]
  }
};
