// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

std::string make();
std::vector<int> makeVector();
std::optional<std::vector<int>> maybeVector();
std::string_view passThrough(std::string_view v) { return v; }

// --- A view or pointer outlives the temporary it was taken from ----------------------

std::size_t viewOfTemporary() {
  std::string_view v = make(); // CHECK: temporaries.cpp:[[@LINE]]:20: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'v' keeps its address and is used later [escape-scope]
  return v.size();
}

// FIXME: the type is printed as 'basic_string<char, char_traits<char>,
// allocator<char>>' here (LLVM 22: with std:: on the arguments) and as
// 'std::string' elsewhere.
std::size_t viewOfConcatenation(const std::string &a) {
  std::string_view v = a + "x"; // CHECK: temporaries.cpp:[[@LINE]]:20: warning: temporary 'basic_string<char, {{(std::)?}}char_traits<char>, {{(std::)?}}allocator<char>>' is destroyed at the end of the full-expression, but 'v' keeps its address and is used later [escape-scope]
  return v.size();
}

std::size_t cStrOfTemporary() {
  const char *p = make().c_str(); // CHECK: temporaries.cpp:[[@LINE]]:15: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'p' keeps its address{{.*}}[escape-scope]
  return std::char_traits<char>::length(p);
}

int iteratorOfTemporary() {
  auto it = makeVector().begin(); // CHECK: temporaries.cpp:[[@LINE]]:8: warning: temporary 'std::vector<int>' is destroyed at the end of the full-expression, but 'it' keeps its address{{.*}}[escape-scope]
  return *it;
}

int referenceToElementOfTemporary() {
  const int &f = makeVector().front(); // CHECK: temporaries.cpp:[[@LINE]]:14: warning: temporary 'std::vector<int>' is destroyed at the end of the full-expression, but 'f' keeps its address{{.*}}[escape-scope]
  return f;
}

// std::max returns a reference to one of its (temporary) arguments.
std::size_t maxOfTemporaries() {
  const std::string &r = std::max(make(), make()); // CHECK: temporaries.cpp:[[@LINE]]:22: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'r' keeps its address{{.*}}[escape-scope]
  return r.size();
}

// Through a callee that returns its view argument.
std::size_t throughCallee() {
  std::string_view v = passThrough(make()); // CHECK: temporaries.cpp:[[@LINE]]:20: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'v' keeps its address{{.*}}[escape-scope]
  return v.size();
}

std::string_view viewOfTemporaryReturned() {
  return std::string("temporary"); // CHECK: temporaries.cpp:[[@LINE]]:3: warning: temporary 'std::string' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}

// --- Lifetime extension and full-expression uses: safe -----------------------------

std::size_t lifetimeExtended() {
  const std::string &r = make();
  return r.size();
}
std::size_t rvalueReferenceExtended() {
  std::string &&r = make();
  return r.size();
}
std::size_t usedWithinTheFullExpression() { return std::string_view(make()).size(); }
std::size_t cStrWithinTheFullExpression() { return std::char_traits<char>::length(make().c_str()); }
std::size_t throughCalleeImmediately() { return passThrough(make()).size(); }
int copiedOut() {
  int f = makeVector().front();
  return f;
}
int rangeForOverTemporary() {
  int s = 0;
  for (int x : makeVector())
    s += x;
  return s;
}
// The member of a temporary extends the whole temporary.
int rangeForOverMemberOfTemporary() {
  struct Holder {
    std::vector<int> v;
  };
  int s = 0;
  for (int x : Holder{makeVector()}.v)
    s += x;
  return s;
}
int rangeForOverTemporaryString() {
  int s = 0;
  for (char c : make().substr(1))
    s += c;
  return s;
}

// Before C++23 (P2718), only the outermost temporary of a range-for initializer
// is extended: the unique_ptr / optional dies before the loop body runs, and
// the vector the unique_ptr owns with it (test/Std/temporary-unique-ptr.cpp).
int rangeForThroughDereferencedTemporary() {
  int s = 0;
  for (int x : *std::make_unique<std::vector<int>>(3)) // CHECK: temporaries.cpp:[[@LINE]]:16: warning: temporary '{{.*}}unique_ptr{{.*}}' is destroyed at the end of the full-expression, but 'range of the for loop' keeps its address and is used later [escape-scope]
    s += x;
  return s;
}
int rangeForThroughOptionalValue() {
  int s = 0;
  for (int x : maybeVector().value()) // CHECK: temporaries.cpp:[[@LINE]]:16: warning: temporary 'std::optional<std::vector<int>>' is destroyed at the end of the full-expression, but 'range of the for loop' keeps its address and is used later [escape-scope]
    s += x;
  return s;
}

// A view or pointer initialized from a temporary dangles from its
// initialization on, used later or not.
void viewOfTemporaryNeverUsed() {
  std::string_view v = make(); // CHECK: temporaries.cpp:[[@LINE]]:20: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'v' keeps its address: it dangles from here on [escape-scope]
  const char *p = make().c_str(); // CHECK: temporaries.cpp:[[@LINE]]:15: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'p' keeps its address: it dangles from here on [escape-scope]
}
// A copy keeps nothing of the temporary.
void copyOfTemporaryNeverUsed() {
  std::string s = make();
  std::size_t n = make().size();
}
