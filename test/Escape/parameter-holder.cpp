// A by-value parameter is a local of the function: assigned the address of
// a temporary or of a shorter-lived local, it dangles as a local would.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Owner {
  Owner();
  ~Owner();
  const char *data() const [[clang::lifetimebound]];
};
void use(const char *);

void temporaryThenUsed(const char *p) {
  p = Owner().data(); // CHECK: parameter-holder.cpp:[[@LINE]]:3: warning: temporary 'Owner' is destroyed at the end of the full-expression, but 'p' keeps its address and is used later [escape-scope]
  use(p);
}

void temporaryNeverUsed(const char *p) {
  p = Owner().data(); // CHECK: parameter-holder.cpp:[[@LINE]]:3: warning: temporary 'Owner' is destroyed at the end of the full-expression, but 'p' keeps its address: it dangles from here on [escape-scope]
}

void blockLocalThenUsed(const char *p) {
  {
    char c = 'x';
    p = &c; // CHECK: parameter-holder.cpp:[[@LINE]]:5: warning: address of local 'c' is kept in 'p', which is used after the scope of 'c' ends [escape-scope]
  }
  use(p);
}

// Negatives: the object outlives the parameter's uses.
void sameScope(const char *p) {
  Owner o;
  p = o.data();
  use(p);
}

void blockLocalUsedInside(const char *p) {
  {
    char c = 'x';
    p = &c;
    use(p);
  }
}

void fromTheCaller(const char *p, const Owner &o) {
  p = o.data();
  use(p);
}
