// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// A library that avoids <utility> writes its own move (`eastl::move`,
// `detail::move`), with std::move's body: a cast of its parameter to an
// rvalue reference. It is std::move: a move constructor or assignment given
// it takes the named object's storage, so a list whose sentinel lives in
// the object swapped through a temporary keeps no address of the temporary.
// What the named object holds still moves on.
template <class T> struct RemoveRef { using type = T; };
template <class T> struct RemoveRef<T &> { using type = T; };
template <class T> typename RemoveRef<T>::type &&move(T &&t) {
  return static_cast<typename RemoveRef<T>::type &&>(t);
}

struct Node {
  Node *next, *prev;
};

struct List {
  Node base_;
  List() { base_.next = base_.prev = &base_; }
  bool empty() const { return base_.next == &base_; }
  void take(List &other) {
    if (!other.empty()) {
      base_.next = other.base_.next;
      base_.prev = other.base_.prev;
      base_.next->prev = &base_;
      base_.prev->next = &base_;
      other.base_.next = other.base_.prev = &other.base_;
    } else {
      base_.next = base_.prev = &base_;
    }
  }
  List(List &&other) { take(other); }
  List &operator=(List &&other) {
    if (this != &other)
      take(other);
    return *this;
  }
};

void swap(List &a, List &b) {
  List temp(move(a));
  a = move(b);
  b = move(temp);
}

struct Holder {
  int *p = nullptr;
};
Holder gHolder;
void movedOn() {
  int x = 0;
  Holder h{&x};
  gHolder = move(h); // CHECK: :[[@LINE]]:3: warning: address of local 'x' is stored in global 'gHolder'
}
