// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A reference member bound with braces (`env_{env}`) to an object of a
// class that itself holds a reference binds to that object: the braces are
// no aggregate made of it (Clang's "transparent" initializer list).

struct Env {
  int value = 7;
};
template <class Inner> struct Fwd {
  Inner inner;
  int value = 7;
};
using FwdRef = const Fwd<const Env &> &;

template <class E> struct Hide {
  explicit Hide(E &&env) : env_{static_cast<E &&>(env)} {}
  int query() const { return env_.value; }
  E env_;
};

// The wrapper refers to the caller's object and dies before it.
int use(const Hide<FwdRef> &h) { return h.query(); }
int wrapped(FwdRef env) { return use(Hide<FwdRef>{env}); }

// Bound with braces to a local, and kept: the local escapes.
struct Holder {
  FwdRef r;
  explicit Holder(FwdRef x) : r{x} {}
};
Holder *kept;
void keepLocal(const Env &e) {
  Fwd<const Env &> local{e};
  kept = new Holder{local}; // CHECK: :[[@LINE]]:3: warning: address of local 'local' is stored in global 'kept'; 'local' dangles when 'keepLocal' returns [escape-global]
}
