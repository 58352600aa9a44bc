// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An element a container builds in place from an argument is built by the
// constructor of its class that runs: a copy or move constructor that sets
// a self-pointer to the new object (`alive(this)`) and copies only the
// other fields keeps nothing of the temporary it is built from.

#include <map>
#include <tuple>
#include <utility>
#include <vector>

struct counter {
  int n = 0;
};
struct obj {
  obj(int d, counter &c) : data(d), counts(&c), alive(this) {}
  obj(const obj &o) : data(o.data), counts(o.counts), alive(this) {}
  obj(obj &&o) noexcept : data(o.data), counts(o.counts), alive(this) {}
  ~obj() { alive = nullptr; }
  int data;
  counter *counts;
  obj *alive;
};

int piecewise(counter &c) {
  std::vector<std::pair<obj, obj>> v;
  for (int i = 0; i < 3; ++i)
    v.emplace_back(std::piecewise_construct, std::forward_as_tuple(obj(i, c)),
                   std::forward_as_tuple(i, c));
  return v.back().first.data;
}

struct map_t {
  std::vector<std::pair<obj, obj>> values;
  template <class K, class... A> std::pair<obj, obj> *try_emplace(K &&k, A &&...a) {
    values.emplace_back(std::piecewise_construct,
                        std::forward_as_tuple(std::forward<K>(k)),
                        std::forward_as_tuple(std::forward<A>(a)...));
    return &values.back();
  }
};
int tryEmplace(counter &c) {
  map_t m;
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    auto *r = m.try_emplace(obj(i, c), i, c);
    sum += r->first.data;
  }
  return sum;
}

int emplaceAndPush(counter &c) {
  std::vector<obj> v;
  v.emplace_back(obj(1, c));
  v.push_back(obj(2, c));
  std::vector<std::pair<obj, obj>> w;
  w.emplace_back(obj(1, c), obj(2, c));
  std::pair<obj, obj> p(obj(3, c), obj(4, c));
  std::map<int, obj> m;
  m.emplace(1, obj(5, c));
  return v.back().data + w.back().second.data + p.first.data + m.at(1).data;
}

struct holder {
  std::pair<obj, obj> kv;
  holder(counter &c, int val) : kv({val, c}, {val, c}) {}
};
holder *memberInit(counter &c) { return new holder(c, 1); }

// Built by a constructor that keeps the address of its argument: the
// container keeps it. FIXME: false negative, not reported yet (the
// constructor's call with the argument of a plain type does not reach the
// container).
struct ref {
  explicit ref(int &x) : p(&x) {}
  int *p;
};
int keepsArgument() {
  std::vector<ref> v;
  {
    int x = 1;
    v.emplace_back(x);
  }
  return *v.back().p;
}

// The copy keeps the counter the source points to: a local counter that
// dies first dangles in the container.
int copiesTheCounter() {
  std::vector<std::pair<obj, obj>> v;
  {
    counter local;
    v.emplace_back(std::piecewise_construct, std::forward_as_tuple(obj(1, local)), // CHECK: emplace-self-pointer.cpp:[[@LINE]]:5: warning: address of local 'local' is kept in 'v', which is used after the scope of 'local' ends [escape-scope]
                   std::forward_as_tuple(2, local));
  }
  return v.back().first.counts->n;
}

// Without user constructors the copy is field by field: a pointer to a
// local in the source is a pointer to a local in the element.
struct plain {
  int *p;
};
int implicitCopy() {
  std::vector<std::pair<plain, plain>> v;
  {
    int x = 1;
    v.emplace_back(std::piecewise_construct, std::forward_as_tuple(plain{&x}), // CHECK: emplace-self-pointer.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'v', which is used after the scope of 'x' ends [escape-scope]
                   std::forward_as_tuple(plain{&x}));
  }
  return *v.back().first.p;
}
