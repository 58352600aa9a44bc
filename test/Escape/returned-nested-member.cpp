// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A callee returning a prvalue whose member object is itself split
// (`return View(a);` with `View{Extent storage_}`, gsl::span's
// `storage_.data_`): what the returned object's nested member holds reaches
// the caller's node for it, read directly or through getters.

struct Extent {
  char *data_ = nullptr;
  Extent() = default;
  explicit Extent(char *d) : data_(d) {}
  char *data() const { return data_; }
};
struct View {
  Extent storage_;
  explicit View(char (&a)[8]) : storage_(a) {}
  char *data() const { return storage_.data(); }
};
View viewOf(char (&a)[8]) { return View(a); }

char *g1, *g2, *g3;
void throughGetter() {
  char buf[8] = {};
  View v = viewOf(buf);
  // CHECK: [[@LINE+1]]:3: warning: address of local 'buf' is stored in global 'g1'
  g1 = v.data();
}
void nestedField() {
  char buf[8] = {};
  View v = viewOf(buf);
  // CHECK: [[@LINE+1]]:3: warning: address of local 'buf' is stored in global 'g2'
  g2 = v.storage_.data_;
}
void temporary() {
  char buf[8] = {};
  // CHECK: [[@LINE+1]]:3: warning: address of local 'buf' is stored in global 'g3'
  g3 = viewOf(buf).data();
}
// A buffer that outlives the view's use: nothing dangles.
char gBuf[8];
void globalBuffer() { g1 = viewOf(gBuf).data(); }
int localOnly() {
  char buf[8] = {1};
  View v = viewOf(buf);
  return *v.data();
}
