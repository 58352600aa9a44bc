// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// --- string_view, c_str(), data() of a local string ----------------------------

std::string_view viewOfLocal() {
  std::string s = "hello, world, long enough to live on the heap";
  return s; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller; 's' dangles when 'viewOfLocal' returns [escape-return]
}

std::string_view viewVariable() {
  std::string s = "hello";
  std::string_view v = s;
  return v; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

const char *cStr() {
  std::string s = "x";
  return s.c_str(); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller; 's' dangles when 'cStr' returns [escape-return]
}

const char *constData() {
  const std::string s = "x";
  return s.data(); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

char *mutableData() {
  std::string s = "x";
  return s.data(); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

// A view derived from a view still borrows the owner.
std::string_view substrOfView() {
  std::string s = "hello";
  std::string_view v = s;
  return v.substr(1); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

std::string_view byValueParameter(std::string s) {
  return s; // CHECK: views.cpp:[[@LINE]]:3: warning: address of parameter 's' escapes to the caller; 's' dangles when 'byValueParameter' returns [escape-return]
}

std::string_view viewOfCharArray() {
  char buf[8] = "abc";
  return buf; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
}

// Element access on an owner borrows it too.
const char &frontOfLocal() {
  std::string s = "x";
  return s.front(); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

char &indexOfLocal() {
  std::string s = "x";
  return s[0]; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

std::string_view viewOfMovedTo() {
  std::string s = "x";
  std::string t = std::move(s);
  return t; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 't' escapes to the caller{{.*}}[escape-return]
}

std::string_view conditionalView(bool c, const std::string &p) {
  std::string s = "x";
  return c ? std::string_view(s) : std::string_view(p); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}

std::string_view g_view;
void viewIntoGlobal() {
  std::string s = "x";
  g_view = s; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'g_view'; 's' dangles when 'viewIntoGlobal' returns [escape-global]
}

struct Widget {
  std::string_view name;
  void rename() {
    std::string n = "widget";
    name = n; // CHECK: views.cpp:[[@LINE]]:5: warning: address of local 'n' is stored into *this, which outlives it; 'n' dangles when 'Widget::rename' returns [escape-member]
  }
  void renameFrom(const std::string &n) { name = n; }
};

// --- span ------------------------------------------------------------------------

std::span<int> spanOfVector() {
  std::vector<int> v{1, 2};
  return v; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

std::span<int> spanOfStdArray() {
  std::array<int, 2> a{};
  return a; // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

std::span<int> subspanOfLocal() {
  std::vector<int> v{1, 2};
  std::span<int> s = v;
  return s.subspan(1); // CHECK: views.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

// --- Not escaping ---------------------------------------------------------------

std::string_view viewOfParameter(const std::string &s) { return s; }
std::string_view substrOfParameter(std::string_view s) { return s.substr(1); }
const char *cStrOfParameter(const std::string &s) { return s.c_str(); }
std::string_view literal() { return "hello"; }
std::string_view literalVariable() {
  std::string_view v = "hi";
  return v;
}
std::string_view staticOwner() {
  static std::string s = "x";
  return s;
}
std::string_view copyOfViewParameter(std::string_view v) {
  std::string_view w = v;
  return w;
}
std::string_view firstOfPair(const std::pair<std::string, int> &p) { return p.first; }
std::span<int> spanOfParameter(std::vector<int> &v) { return v; }
std::string ownerReturned() {
  std::string s = "x";
  return s;
}
std::string copiedFromView() {
  std::string s = "abc";
  std::string_view v = s;
  return std::string(v);
}
std::size_t sizeOfView() {
  std::string s = "x";
  std::string_view v = s;
  return v.size();
}
