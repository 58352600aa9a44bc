// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An algorithm that writes to an output range (std::copy, std::fill_n,
// std::uninitialized_copy, std::transform, std::merge, ...) returns a
// position in that range only: not in its input range, nor the value it was
// given. An algorithm returning a position in its input (std::find) returns
// none of the values it compares with either.

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <numeric>

struct Vec {
  int buf[10];
  int *end = buf;
  Vec() = default;
  Vec(std::initializer_list<int> init) {
    end = std::uninitialized_copy(init.begin(), init.end(), buf);
  }
  void assign(unsigned n, const int &value) {
    end = std::uninitialized_fill_n(buf, n, value);
  }
  void fill(unsigned n, const int &value) { end = std::fill_n(buf, n, value); }
  void copy(const int *b, const int *e) { end = std::copy(b, e, buf); }
  void sums(const int *b, const int *e) { end = std::partial_sum(b, e, buf); }
  void merged(const int *a, const int *b) {
    end = std::merge(a, a + 1, b, b + 1, buf);
  }
  void doubled(const int *b, const int *e) {
    end = std::transform(b, e, buf, [](int x) { return 2 * x; });
  }
  int size() const { return static_cast<int>(end - buf); }
};

int fromInitializerList() {
  Vec v{0, 1, 2, 3};
  return v.size();
}

int filledFromTemporary() {
  Vec v;
  v.assign(5, 5);
  v.fill(5, 5);
  return v.size();
}

int copiedFromInnerBlock() {
  Vec v;
  {
    int b[2] = {1, 2};
    v.copy(b, b + 2);
    v.sums(b, b + 2);
    v.merged(b, b + 1);
    v.doubled(b, b + 2);
  }
  return v.size();
}

// Positions in the output are returned: an output range of the frame's.
int *copyIntoLocal(const int *b, const int *e) {
  int out[8];
  return std::copy(b, e, out); // CHECK: output-algorithm-result.cpp:[[@LINE]]:3: warning: address of local 'out' escapes to the caller; 'out' dangles when 'copyIntoLocal' returns [escape-return]
}

int *fillLocal() {
  int out[8];
  return std::fill_n(out, 8, 0); // CHECK: output-algorithm-result.cpp:[[@LINE]]:3: warning: address of local 'out' escapes to the caller{{.*}}[escape-return]
}

// And positions in the input of a search.
const int *findInLocal(int v) {
  int in[4] = {1, 2, 3, 4};
  return std::find(in, in + 4, v); // CHECK: output-algorithm-result.cpp:[[@LINE]]:3: warning: address of local 'in' escapes to the caller{{.*}}[escape-return]
}

const int *g_found;

void findWithTemporary(const int *b, const int *e) {
  g_found = std::find(b, e, 42);
}
