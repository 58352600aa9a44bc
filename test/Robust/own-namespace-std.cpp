// A program with a `namespace std` of its own, whose classes the library
// models do not know (incomplete, no bases): the models must not assume the
// real library's shape.
// RUN: %clang-escape -m %s -- -std=c++17 -nostdinc++ 2>&1 | FileCheck %s
namespace std {
template <class T> struct allocator;
template <class T, class A = allocator<T>> class vector {
public:
  void push_back(const T &);
  T *data();
};
class string;
template <class T> struct unique_ptr;
} // namespace std

struct Incomplete;

void f(std::vector<Incomplete *> &v, std::string &s, std::unique_ptr<int> *u) {
  int x = 0;
  std::vector<int *> w;
  w.push_back(&x);
  v.push_back(nullptr);
  (void)s;
  (void)u;
}
// CHECK: own-namespace-std.cpp
