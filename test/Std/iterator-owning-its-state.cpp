// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A standard iterator that owns what it works on (a member that is a
// smart pointer or a container) is a value, not a view of its arguments:
// `directory_iterator` opens the directory and keeps its own copy of the
// path, `regex_token_iterator` copies its list of submatches. What it
// still points into (the characters it splits) it keeps.

#include <filesystem>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

std::size_t countEntries() {
  std::size_t n = 0;
  for (const auto &e : fs::directory_iterator{"/tmp"}) {
    (void)e.path();
    ++n;
  }
  return n;
}

std::vector<std::string> split(const std::string &s, const std::regex &re) {
  std::sregex_token_iterator cursor(s.begin(), s.end(), re, {-1, 0});
  std::sregex_token_iterator end;
  return std::vector<std::string>(cursor, end);
}

std::sregex_token_iterator kept;
void keepTokens(const std::regex &re) {
  std::string text = "a b c";
  kept = std::sregex_token_iterator(text.begin(), text.end(), re, {-1, 0}); // CHECK: iterator-owning-its-state.cpp:[[@LINE]]:3: warning: {{.*}}'text'{{.*}}[escape-global]
}

// An iterator that only refers to its stream stays a view of it.
std::istream_iterator<int> input;
void keepInput() {
  std::istringstream in("1 2 3");
  input = std::istream_iterator<int>(in); // CHECK: iterator-owning-its-state.cpp:[[@LINE]]:3: warning: address of local 'in' {{.*}}[escape-global]
}
