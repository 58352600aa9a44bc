// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A std::string a container builds in place from a view copies the
// characters: it keeps nothing of what the view refers to. A container of
// views built the same way keeps the address.

#include <set>
#include <string>
#include <string_view>
#include <vector>

std::vector<std::string> g;

void vectorOfStrings(int i) {
  std::vector<std::string> v;
  {
    auto const key = "key #" + std::to_string(i);
    v.emplace_back(std::string_view(key));
  }
  g = v;
}

std::size_t setOfStrings(int i) {
  std::set<std::string> s;
  {
    auto const key = "key #" + std::to_string(i);
    s.emplace(std::string_view(key));
  }
  return s.size();
}

template <class T> struct wrap {
  std::vector<T> values;
  template <class... A> T &place(A &&...a) {
    values.emplace_back(std::forward<A>(a)...);
    return values.back();
  }
};
void throughATemplate(int i, wrap<std::string> &out) {
  wrap<std::string> w;
  {
    auto const key = "key #" + std::to_string(i);
    w.place(std::string_view(key));
  }
  out = w;
}

std::size_t vectorOfViews(int i) {
  std::vector<std::string_view> v;
  {
    auto const key = "key #" + std::to_string(i);
    v.emplace_back(std::string_view(key)); // CHECK: string-emplaced-from-view.cpp:[[@LINE]]:5: warning: address of local 'key' is kept in 'v', which is used after the scope of 'key' ends [escape-scope]
  }
  return v.back().size();
}

std::size_t setOfViews(int i) {
  std::set<std::string_view> s;
  {
    auto const key = "key #" + std::to_string(i);
    s.emplace(key); // CHECK: string-emplaced-from-view.cpp:[[@LINE]]:5: warning: address of local 'key' is kept in 's', which is used after the scope of 'key' ends [escape-scope]
  }
  return s.begin()->size();
}
