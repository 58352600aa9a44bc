// An assignment operator without a body that returns a reference to its own
// class returns the object assigned (`*this`), as every convention has it.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Acc {
  Acc(int);
  Acc &operator+=(int);
  Acc &operator=(const Acc &);
  int value() const;
};
struct Other {
  Other &operator+=(int);
};
struct Odd {
  Other &operator+=(int); // not its own class: the conservative default
};

const Acc &g_acc = Acc(5) += 5; // CHECK: assignment-returns-this.cpp:[[@LINE]]:12: warning: temporary 'Acc' is stored in global 'g_acc'; it is destroyed at the end of the full-expression [escape-global]

Acc *returnedAddress() {
  Acc a(1);
  return &(a += 2); // CHECK: assignment-returns-this.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller; 'a' dangles when 'returnedAddress' returns [escape-return]
}

// Used at once, copied, or not its own class: fine.
int usedAtOnce() { return (Acc(1) += 2).value(); }
Acc copied() {
  Acc a(1);
  return a += 2;
}
Other *odd(Odd &o) { return &(o += 1); }
