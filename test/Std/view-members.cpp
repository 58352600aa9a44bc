// Real libstdc++ headers: view members initialized in constructors (issue 4:
// "a view member initialized from a by-value constructor parameter dangles").
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <span>
#include <string>
#include <string_view>
#include <vector>

struct NamedByValue {
  std::string_view name;
  NamedByValue(std::string n) : name(n) {} // CHECK: view-members.cpp:[[@LINE]]:33: warning: address of parameter 'n' is stored into *this, which outlives it; 'n' dangles when 'NamedByValue::NamedByValue' returns [escape-member]
};

struct SpanByValue {
  std::span<const int> values;
  SpanByValue(std::vector<int> v) : values(v) {} // CHECK: view-members.cpp:[[@LINE]]:37: warning: address of parameter 'v' is stored into *this{{.*}}[escape-member]
};

struct NamedByReference {
  std::string_view name;
  NamedByReference(const std::string &n) : name(n) {}
};
NamedByReference fromTemporary() {
  return NamedByReference(std::string("temporary")); // CHECK: view-members.cpp:[[@LINE]]:3: warning: temporary 'std::string' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
}
NamedByReference fromLocal() {
  std::string s = "local";
  return NamedByReference(s); // CHECK: view-members.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller; 's' dangles when 'fromLocal' returns [escape-return]
}
NamedByReference fromParameter(const std::string &s) { return NamedByReference(s); }

// Owning members copy: safe.
struct NamedOwner {
  std::string name;
  NamedOwner(std::string_view n) : name(n) {}
};
NamedOwner ownerFromLocal() {
  std::string s = "local";
  return NamedOwner(s);
}

// A helper returning a sub-view of its argument.
std::string_view trimmed(std::string_view v) { return v.substr(1); }
std::string_view trimmedLocal() {
  std::string s = " x";
  return trimmed(s); // CHECK: view-members.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
}
std::string appendedView(std::string_view v) {
  std::string s = "a";
  s += v;
  return s;
}
