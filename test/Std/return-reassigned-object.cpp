// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A returned view, std::function or other object holding addresses gives
// the caller the value it holds at the return: one assigned whole just
// before (by its own or the library's operator=) no longer carries what it
// held earlier.

#include <functional>
#include <string>
#include <string_view>

struct [[gsl::Owner]] Obj {
  Obj();
  ~Obj();
};
struct [[gsl::Pointer]] View {
  View();
  View(const Obj &);
};

View viewReassigned(const Obj &safe) {
  Obj local;
  View v = local;
  v = safe;
  return v;
}

View viewReassignedToLocal(const Obj &safe) {
  Obj local;
  View v = safe;
  v = local;
  return v; // CHECK: return-reassigned-object.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

View eachReturnItsOwn(const Obj &safe, bool c) {
  Obj local;
  View v;
  if (c) {
    v = local;
    return v; // CHECK: return-reassigned-object.cpp:[[@LINE]]:5: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
  }
  v = safe;
  return v;
}

std::string_view stringViewReassigned(const std::string &param) {
  std::string local = "x";
  std::string_view sv = local;
  if (sv.empty())
    return param;
  sv = param;
  return sv;
}

std::string_view stringViewToLocal(const std::string &param) {
  std::string local = "x";
  std::string_view sv = param;
  sv = local;
  return sv; // CHECK: return-reassigned-object.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

void freeFunction();
struct Functor {
  void operator()() const;
};

std::function<void()> functionGivenSafeLambda() {
  static int safe = 1;
  int local = 2;
  std::function<void()> f = [&local] { (void)local; };
  f = [] { (void)safe; };
  return f;
}

std::function<void()> functionGivenFunctionPointer() {
  int local = 0;
  std::function<void()> f = [&local] { (void)local; };
  f = &freeFunction;
  return f;
}

std::function<void()> functionGivenFunctor() {
  int local = 0;
  Functor c;
  std::function<void()> f = [&local] { (void)local; };
  f = c;
  return f;
}

std::function<void()> functionGivenUnsafeLambda() {
  static int safe = 1;
  int local = 2;
  std::function<void()> f = [] { (void)safe; };
  f = [&local] { (void)local; };
  return f; // CHECK: return-reassigned-object.cpp:[[@LINE]]:3: warning: lambda expression captures local 'local' by reference{{.*}}[escape-lambda-capture]
}

std::function<void()> functionGivenNamedUnsafeLambda() {
  int local = 2;
  auto l = [&local] { (void)local; };
  std::function<void()> f = [] {};
  f = l;
  return f; // CHECK: return-reassigned-object.cpp:[[@LINE]]:3: warning: lambda expression captures local 'local' by reference{{.*}}[escape-lambda-capture]
}

// Still every value: an object assigned on one branch only.
View assignedOnOneBranch(const Obj &safe, bool c) {
  Obj local;
  View v = local;
  if (c)
    v = safe;
  return v; // CHECK: return-reassigned-object.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}
