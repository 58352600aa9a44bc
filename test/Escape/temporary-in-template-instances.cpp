// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A temporary made in a template is one object of the source, whatever its
// instantiation: it is reported once at its statement, not once per set of
// template arguments. Two temporaries of different templates made at the
// same place stay two findings.

template <class T> struct Box { T v; };
template <class T> struct Other { T v; };
struct Keep {
  const void *p = nullptr;
  void hold(const void *q) { p = q; }
};
Keep keep;

template <class T> void hold() {
  keep.hold(&static_cast<const Box<T> &>(Box<T>{})); // CHECK: :[[@LINE]]:3: warning: temporary 'Box<{{int|long}}>' is stored in global 'keep'
}
template void hold<int>();
template void hold<long>();

template <class T> void holdEither(bool b) {
  using B = const Box<T> &;
  using O = const Other<T> &;
  keep.hold(b ? static_cast<const void *>(&static_cast<B>(Box<T>{}))
              : &static_cast<O>(Other<T>{}));
  // CHECK: :[[@LINE-2]]:3: warning: temporary 'Box<int>' is stored in global 'keep'
  // CHECK: :[[@LINE-3]]:3: warning: temporary 'Other<int>' is stored in global 'keep'
}
template void holdEither<int>(bool);
