// Real libstdc++ headers: the backing array of an initializer_list.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <initializer_list>
#include <random>
#include <vector>

// --- initializer_list --------------------------------------------------------------------

int sumOf(std::initializer_list<int> values) {
  int s = 0;
  for (int v : values)
    s += v;
  return s;
}
int passedToCallee() {
  int a = 1, b = 2;
  return sumOf({a, b});
}

std::initializer_list<int> returnedList() {
  return {1, 2, 3}; // CHECK: initializer-list.cpp:[[@LINE]]:3: warning: temporary 'const int[3]' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

// The backing array is lifetime-extended to the end of the function.
const int *beginOfLocalList() {
  std::initializer_list<int> list = {1, 2, 3};
  return list.begin(); // CHECK: initializer-list.cpp:[[@LINE]]:3: warning: temporary 'const int[3]' escapes to the caller; it is destroyed when its scope in{{.*}}[escape-return]
}

std::vector<int> vectorFromList() { return {1, 2, 3}; }
int firstOfVectorBuiltFromList() {
  std::vector<int> v = {1, 2, 3};
  return v.front();
}

// Library classes copy the elements of a list they are built from
// (std::seed_seq, the distributions), never the list itself.
unsigned seededFromAList() {
  int a = 1, b = 2;
  std::seed_seq seq{a, b};
  std::discrete_distribution<int> weights{1.0, 2.0};
  std::mt19937 gen(seq);
  return weights(gen) + seq.size();
}

// A class of our own that keeps the list keeps the backing array.
struct KeepsList {
  KeepsList(std::initializer_list<int> l) : list(l) {}
  std::initializer_list<int> list;
  int first() const { return *list.begin(); }
};
int keptList() {
  KeepsList k{1, 2}; // CHECK: initializer-list.cpp:[[@LINE]]:13: warning: temporary 'const int[2]' is destroyed at the end of the full-expression, but 'k' keeps its address and is used later [escape-scope]
  return k.first();
}
