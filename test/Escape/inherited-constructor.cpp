// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An object built through an inherited constructor (`using Base::Base;`,
// PEGTL's inputs) runs the base's constructor with the same arguments on
// the same object: what that constructor keeps, the object keeps.
// Known misses: the implicit inheriting constructor's body has no argument
// expressions, so nothing reaches the object. Running the base's
// constructor at the call site (session 14) made YACLib's helpers built
// this way carry their callables, and 26 hand-offs whose waits or virtual
// targets are not yet understood were reported (docs/RealWorld.md); taken
// back until those are.

struct Cursor {
  const char *at;
  explicit Cursor(const char *p) : at(p) {}
  const char *current() const { return at; }
};
struct Input : Cursor {
  using Cursor::Cursor;
};
struct TextInput : Input {
  using Input::Input;
  int line = 1;
};
template <typename B> struct Tracked : B {
  using B::B;
};

const char *direct() {
  char buf[4] = "abc";
  Cursor c(buf);
  // CHECK: [[@LINE+1]]:3: warning: {{.*}}'buf'{{.*}} [escape-return]
  return c.current();
}
const char *inherited() {
  char buf[4] = "abc";
  Input in(buf);
  // FIXME (known miss): 'buf' escapes to the caller.
  return in.current();
}
const char *inheritedTwice() {
  char buf[4] = "abc";
  TextInput in(buf);
  // FIXME (known miss): 'buf' escapes to the caller.
  return in.current();
}
const char *inheritedFromParameter() {
  char buf[4] = "abc";
  Tracked<Cursor> in(buf);
  // FIXME (known miss): 'buf' escapes to the caller.
  return in.current();
}
Input *kept;
void keep() {
  char buf[4] = "abc";
  // FIXME (known miss): 'buf' is stored in global 'kept'.
  kept = new Input(buf);
}
// A buffer that outlives the object: nothing dangles.
const char *fromCaller(const char *text) {
  TextInput in(text);
  return in.current();
}
int use() {
  keep();
  return !!direct() + !!inherited() + !!inheritedTwice() +
         !!inheritedFromParameter() + !!fromCaller("x");
}
