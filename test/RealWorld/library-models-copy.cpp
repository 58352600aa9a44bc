// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in fmtlib/fmt's copy of googletest (test/gtest/gmock-gtest-all.cc):
// GoogleTestFailureException's constructor passes
// 'PrintTestPartResultToString(failure).c_str()' to std::runtime_error, and
// StringFromGTestEnv returns 'getenv(env_var.c_str())'. std::runtime_error
// copies its message; getenv returns a pointer into the environment, not its
// argument.

#include <cstdlib>
#include <stdexcept>
#include <string>

std::string describe(int);

// Not reported: std::runtime_error(const char *) copies the string.
struct Failure : std::runtime_error {
  explicit Failure(int code) : std::runtime_error(describe(code).c_str()) {}
};

// From a std::string: not reported.
struct LogicFailure : std::logic_error {
  explicit LogicFailure(int code) : std::logic_error(describe(code)) {}
};

// Not reported: getenv's result does not point into 'name'.
const char *envOr(const char *flag, const char *def) {
  const std::string name = std::string("GTEST_") + flag;
  const char *value = std::getenv(name.c_str());
  return value == nullptr ? def : value;
}

// Returning the local's own buffer does dangle: reported, correctly.
const char *localBuffer(const char *flag) {
  const std::string name = std::string("GTEST_") + flag;
  return name.c_str(); // CHECK: library-models-copy.cpp:[[@LINE]]:3: warning: address of local 'name' escapes to the caller{{.*}}[escape-return]
}
