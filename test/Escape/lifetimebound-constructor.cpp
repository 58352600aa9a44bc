// [[clang::lifetimebound]] on a parameter of a constructor without a body:
// the object constructed refers to the argument, as a fact.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Text {
  Text();
  Text(const char *);
};
Text makeText();

struct TextRef {
  TextRef(const Text &t [[clang::lifetimebound]]);
  TextRef(const Text &t, int);
  int size() const;
  const Text *text_;
};

int viewOfTemporary() {
  TextRef r(makeText()); // CHECK: lifetimebound-constructor.cpp:[[@LINE]]:11: warning: temporary 'Text' is destroyed at the end of the full-expression, but 'r' keeps its address and is used later [escape-scope]
  return r.size();
}

TextRef returnedView() {
  Text t("x");
  return TextRef(t); // CHECK: lifetimebound-constructor.cpp:[[@LINE]]:3: warning: address of local 't' escapes to the caller; 't' dangles when 'returnedView' returns [escape-return]
}

// Not annotated: the conservative default, a maybe (hidden); a view of
// what outlives the frame, used at once: fine.
TextRef unannotated() {
  Text t("x");
  return TextRef(t, 0);
}
TextRef ofParameter(const Text &t) { return TextRef(t); }
int usedAtOnce() { return TextRef(makeText()).size(); }
