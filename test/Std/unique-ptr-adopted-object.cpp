// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A local std::unique_ptr destroys the object it owns when it dies, also
// when the function did not make that object: adopted from a call, or not
// set yet. A pointer or reference to it that outlives the owner dangles.

#include <memory>
#include <string>
#include <string_view>

struct Widget {
  int size = 0;
};
Widget *makeWidget();

Widget *adoptedThenBorrowed() {
  std::unique_ptr<Widget> owner(makeWidget());
  return owner.get(); // CHECK: unique-ptr-adopted-object.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'owner' (the object 'owner' owns) escapes through a raw pointer or reference (sink ~r0); it is destroyed with 'owner' [escape-return]
}

std::string_view emptyOwnerViewed() {
  std::unique_ptr<std::string> text;
  return *text; // CHECK: unique-ptr-adopted-object.cpp:[[@LINE]]:3: warning: the object owned by local smart pointer 'text' (the object 'text' owns) escapes through a raw pointer or reference (sink ~r0); it is destroyed with 'text' [escape-return]
}

// Given up before the return: the caller owns it.
Widget *adoptedThenReleased() {
  std::unique_ptr<Widget> owner(makeWidget());
  return owner.release();
}

// Read, not kept.
int adoptedThenRead() {
  std::unique_ptr<Widget> owner(makeWidget());
  return owner->size;
}

// A shared owner may share: nothing is claimed.
Widget *sharedAdopted() {
  std::shared_ptr<Widget> owner(makeWidget());
  return owner.get();
}

// Re-pointed: the object it owns at the end is the one made here, and a
// smart pointer's get() reads it (it is no wait on work handed to it).
Widget *resetToNew() {
  std::unique_ptr<Widget> owner;
  owner.reset(new Widget);
  return owner.get(); // CHECK: :[[@LINE]]:3: warning: the object owned by local smart pointer 'owner' (new Widget) escapes through a raw pointer or reference (sink ~r0); it is destroyed with 'owner' [escape-return]
}
