// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// What a parameter's object may keep of another's is told by the types:
// a `std::tuple<int *>` may keep a pointer to an int. The types of a
// template's parameter pack count as its other type arguments do
// (`std::tuple`, `std::variant`), not as none: the store into the caller's
// tuple is kept in the summary.

#include <tuple>
#include <utility>
#include <variant>

void keepInTuple(std::tuple<int *> &t, int &x) { std::get<0>(t) = &x; }
void keepInVariant(std::variant<int *, long> &v, int &x) { v = &x; }
void keepInPair(std::pair<int *, long> &p, int &x) { p.first = &x; }

std::tuple<int *> tuple;
std::variant<int *, long> variant;
std::pair<int *, long> pair;

void use() {
  int a = 0;
  keepInTuple(tuple, a); // CHECK: :[[@LINE]]:15: warning: address of local 'a' is stored in global 'tuple'
  int b = 0;
  keepInVariant(variant, b); // CHECK: :[[@LINE]]:17: warning: address of local 'b' is stored in global 'variant'
  int c = 0;
  keepInPair(pair, c); // CHECK: :[[@LINE]]:14: warning: address of local 'c' is stored in global 'pair'
}
