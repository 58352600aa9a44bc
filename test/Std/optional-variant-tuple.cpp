// Real libstdc++ headers: optional, variant, pair, tuple and algorithms that
// return iterators into their range.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

// --- optional owns its value ----------------------------------------------------------

const int &valueOfLocalOptional() {
  std::optional<int> o = 3;
  return o.value(); // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'o' escapes to the caller; 'o' dangles when 'valueOfLocalOptional' returns [escape-return]
}
const std::string &derefOfLocalOptional() {
  std::optional<std::string> o{"x"};
  return *o; // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'o' escapes to the caller{{.*}}[escape-return]
}
std::optional<int *> optionalHoldingAddress() {
  int x = 0;
  return &x; // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int copyOfOptional() {
  std::optional<int> o = 3;
  return *o;
}
std::string stringCopyOfOptional() {
  std::optional<std::string> o{"x"};
  return *o;
}
std::optional<int *> optionalHoldingParameter(int *p) { return p; }

// --- variant -------------------------------------------------------------------------

int *getIfOfLocal() {
  std::variant<int, long> v = 1;
  return std::get_if<int>(&v); // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}
int &getOfLocal() {
  std::variant<int, long> v = 1;
  return std::get<int>(v); // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

// --- pair / tuple -----------------------------------------------------------------------

std::pair<int *, int> pairHoldingAddress() {
  int x;
  return {&x, 1}; // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
std::tuple<int &> tieOfLocal() {
  int x = 0;
  return std::tie(x); // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// --- Algorithms return iterators into their range -------------------------------------

std::vector<int>::iterator findInLocal() {
  std::vector<int> v{1, 2};
  return std::find(v.begin(), v.end(), 2); // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}
int *minElementOfLocalArray() {
  std::array<int, 3> a{3, 1, 2};
  return std::min_element(a.begin(), a.end()); // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}
std::vector<int>::iterator findInParameter(std::vector<int> &v) { return std::find(v.begin(), v.end(), 2); }
bool foundInLocal() {
  std::vector<int> v{1, 2};
  return std::find(v.begin(), v.end(), 2) != v.end();
}

// --- Variants and pairs holding addresses -------------------------------------------------

// A variant alternative holding the local's address is returned.
std::variant<int *, long> variantHoldingAddress() {
  int x = 0;
  return &x; // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

// The pair's first member is a reference to 'x', as for std::tie above.
std::pair<const int &, int> pairHoldingReference() {
  int x = 0;
  return {x, 1}; // CHECK: optional-variant-tuple.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
