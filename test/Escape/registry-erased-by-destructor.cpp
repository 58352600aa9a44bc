// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --no-config --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE
// A registry: a method puts an address into a global container (here
// reached through a function returning its static by reference) and the
// class's destructor takes it out again. Its entries last while the object
// lives, so what the method stores there is a maybe: a small vector whose
// allocator tracks each element it constructs in its inline buffer does not
// carry the vector, or what its owner holds, to the heap. A registration
// nothing takes back is still reported.
#include <set>

std::set<void *> &live() {
  static std::set<void *> s;
  return s;
}

template <class T> struct TrackingAlloc {
  void construct(T *p, const T &v) {
    ::new (static_cast<void *>(p)) T(v);
    live().insert(p);
  }
  void destroy(T *p) {
    live().erase(p);
    p->~T();
  }
};

template <class T, unsigned N> struct SmallVec {
  alignas(T) unsigned char buf[N * sizeof(T)];
  T *data;
  unsigned n = 0;
  TrackingAlloc<T> a;
  SmallVec() : data(reinterpret_cast<T *>(buf)) {}
  SmallVec(const SmallVec &o) : SmallVec() {
    for (unsigned i = 0; i < o.n; ++i)
      push_back(o.data[i]);
  }
  void push_back(const T &v) { a.construct(data + n, v); ++n; }
  ~SmallVec() {
    while (n)
      a.destroy(data + --n);
  }
};

template <class F> struct Verifier {
  F f;
  SmallVec<int, 2> init;
  void operator()() const {
    SmallVec<int, 2> v(init); // MAYBE: :[[@LINE]]:22: warning: address of local 'v' escapes to the heap (via 'SmallVec<int, 2>::SmallVec' until the destructor of 'v' keeps it)
    f(v);
  }
};
template <class F> void verify(F f, SmallVec<int, 2> vi) { Verifier<F>{f, vi}(); }

int check(int count) {
  SmallVec<int, 2> vi;
  vi.push_back(1);
  verify([&](SmallVec<int, 2> &v) { v.push_back(count); }, vi);
  return 0;
}

struct Node {
  void enroll() { live().insert(this); }
};
void neverTakenBack() {
  Node n;
  n.enroll(); // CHECK: :[[@LINE]]:3: warning: address of local 'n' escapes to the heap (via 'Node::enroll' keeps it)
}
