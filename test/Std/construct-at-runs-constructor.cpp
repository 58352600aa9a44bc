// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// std::construct_at(p, args...) runs the constructor of the program's class
// on what p points to: what the constructor keeps of its arguments is what
// the object holds, not every argument (microsoft/proxy builds its objects
// so). An initializer_list forwarded through the pack goes to the
// constructor whole.

#include <initializer_list>
#include <memory>
#include <utility>

struct Session {
  Session(std::initializer_list<int>, int *h) : h_(h) {} // the list is not kept
  int *h_;
};

struct Holder {
  alignas(Session) unsigned char buf_[sizeof(Session)];
  template <class... A> Holder(std::initializer_list<int> il, A &&...a) {
    std::construct_at(reinterpret_cast<Session *>(buf_), il,
                      std::forward<A>(a)...);
  }
  int use() const { return *reinterpret_cast<const Session *>(buf_)->h_; }
};

int built(int *t) {
  Holder h({1, 2, 3}, t);
  return h.use();
}

// What the constructor keeps is still followed.
struct Ref {
  explicit Ref(int &x) : p(&x) {}
  int *p;
};
Ref *keptByConstructor() {
  int local = 0;
  Ref r(local);
  Ref *q = std::construct_at(&r, local);
  return q; // CHECK-DAG: construct-at-runs-constructor.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}
// CHECK-DAG: construct-at-runs-constructor.cpp:[[@LINE-2]]:3: warning: address of local 'r' escapes to the caller{{.*}}[escape-return]

// Built in what a parameter points to: the constructor's store into it is
// not seen, as before this rule.
Ref *keptInParameter(Ref *r) {
  int local = 0;
  std::construct_at(r, local); // MISS (known): 'local' stored into what 'r' points to
  return r;
}
