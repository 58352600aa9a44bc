// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A pointer to an element of a member container (`s = &stack_.top()`)
// points into that member: a store through it lands on the member, not on
// every member of *this. An element pointing at its own member
// (`s->args = &s->arg`) keeps the object's address in `stack_` only, and
// reading another member (`map_`) does not read it.

#include <map>
#include <stack>
#include <string>

struct State {
  int n = -1;
  int arg = 0;
  int *args = nullptr;
};

class Walker {
public:
  void walk(int k);
  void keep();
  std::map<std::string, int> *take() {
    auto *m = map_;
    map_ = nullptr;
    return m;
  }
  int **top() { return &stack_.top().args; }

private:
  std::stack<State> stack_;
  std::map<std::string, int> *map_ = nullptr;
};

void Walker::walk(int k) {
  stack_.push(State());
  State *s;
  for (;;) {
    s = &stack_.top();
    if (k == 1)
      s->args = &s->arg;
    stack_.pop();
    if (stack_.empty())
      return;
  }
}

void Walker::keep() {
  int local = 0;
  State *s;
  s = &stack_.top();
  s->args = &local; // CHECK: member-container-element-pointer.cpp:[[@LINE]]:3: warning: address of local 'local' is stored into *this{{.*}}[escape-member]
}

std::map<std::string, int> *names() {
  Walker w;
  w.walk(1);
  return w.take(); // the other member: nothing of w
}

// The container member itself still holds the element's own address.
int **element() {
  Walker w;
  w.walk(1);
  return w.top(); // CHECK: member-container-element-pointer.cpp:[[@LINE]]:3: warning: address of local 'w' escapes to the caller{{.*}}[escape-return]
}
