// A stack of frames that outlive no call: each is pushed by its caller and
// popped before the caller returns.
struct Frame {
  const char *what;
  Frame *below;
};
struct Stack {
  Frame *top = nullptr;
  int depth = 0;
  // Defined in unlinked-in-other-unit-lib.cpp.
  void pop();
  int size() const;
  void count();
};
