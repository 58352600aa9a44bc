// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// One statement of a template is one finding for all its instantiations.
// When one instantiation makes it definite and another only a maybe, the
// definite one is reported, with or without --report-maybe: the same
// finding, message and fingerprint either way, so a baseline written with
// one setting matches the other.

struct Holder {
  int *p;
};
struct Leaks {
  void keep(int *p) { new Holder{p}; }
};
struct Unknown {
  void keep(int *p); // defined nowhere: a maybe
};

template <class T> void use(T &t) {
  int local = 0;
  t.keep(&local); // CHECK: :[[@LINE]]:3: warning: address of local 'local' escapes to the heap (via 'Leaks::keep' keeps it); 'local' dangles when 'use' returns [escape-heap]
}
template void use<Unknown>(Unknown &);
template void use<Leaks>(Leaks &);
