// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE --implicit-check-not=warning:

#include <algorithm>
#include <functional>
#include <vector>

// --- Closures capturing by reference that outlive the frame -------------------

std::function<int()> returnedFunction() {
  int x = 0;
  return [&x] { return x; }; // CHECK: lambdas-std.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink ~r0); 'x' dangles when 'returnedFunction' returns [escape-lambda-capture]
}

std::function<int()> returnedFunctionDefaultRef() {
  int x = 0;
  return [&] { return x; }; // CHECK: lambdas-std.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference{{.*}}[escape-lambda-capture]
}

std::function<int()> g_callback;
void functionInGlobal() {
  int x = 0;
  g_callback = [&x] { return x; }; // CHECK: lambdas-std.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {global g_callback}){{.*}}[escape-lambda-capture]
}

std::vector<std::function<int()>> g_callbacks;
void functionInGlobalContainer() {
  int x = 0;
  g_callbacks.push_back([&x] { return x; }); // CHECK: lambdas-std.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {global g_callbacks}){{.*}}[escape-lambda-capture]
}

struct Button {
  std::function<void()> onClick;
  void arm() {
    int clicks = 0;
    onClick = [&clicks] { ++clicks; }; // CHECK: lambdas-std.cpp:[[@LINE]]:5: warning: lambda expression captures local 'clicks' by reference and outlives it (sink {*this}.onClick){{.*}}[escape-lambda-capture]
  }
  void armByValue() {
    int clicks = 0;
    onClick = [clicks]() mutable { ++clicks; };
  }
};

// std::bind with std::ref keeps a reference to the local.
auto bindRefReturned() {
  int x = 0;
  return std::bind([](int &r) { return r; }, std::ref(x)); // CHECK: lambdas-std.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'bindRefReturned' returns [escape-return]
}

auto bindCopyReturned() {
  int x = 0;
  return std::bind([](int r) { return r; }, x);
}

// A callee without a body may keep the closure: only a maybe.
void registerCallback(std::function<void()> f);
void passedToUnknown() {
  int x = 0;
  registerCallback([&x] { ++x; }); // MAYBE: lambdas-std.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {heap}){{.*}}(maybe: rests on a conservative assumption) [escape-lambda-capture]
}

// --- Algorithms that only call the closure ----------------------------------------

int sortCountingCalls(std::vector<int> &v) {
  int calls = 0;
  std::sort(v.begin(), v.end(), [&](int a, int b) {
    ++calls;
    return a < b;
  });
  return calls;
}

int forEachSum(const std::vector<int> &v) {
  int sum = 0;
  std::for_each(v.begin(), v.end(), [&](int e) { sum += e; });
  return sum;
}

long countIfAbove(const std::vector<int> &v) {
  int limit = 3;
  return std::count_if(v.begin(), v.end(), [&limit](int e) { return e > limit; });
}

int invokeImmediately() {
  int x = 0;
  return std::invoke([&] { return x; });
}

int localFunctionObject() {
  int x = 0;
  std::function<int()> f = [&x] { return x; };
  return f();
}

std::function<int()> returnedByValue() {
  int x = 0;
  return [x] { return x; };
}
