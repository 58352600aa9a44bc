// Views, pointers and callables of locals that leave through library calls:
// member accessors, span, data(), iterators, std::begin, string_view(buf, n),
// optional views, std::function globals, memcpy and swap into out-params.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <string>
#include <string_view>
#include <vector>
#include <span>
#include <set>
#include <iterator>
#include <functional>
#include <optional>
#include <cstring>
struct S { int v; int &ref() { return v; } const int *ptr() const { return &v; } };
int &memberOfLocal() { S s{1}; return s.ref(); } // CHECK: library-flows.cpp:[[@LINE]]:32: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
const int *ptrOfLocal() { S s{1}; return s.ptr(); } // CHECK: library-flows.cpp:[[@LINE]]:35: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
std::span<int> spanOfLocal() { int a[4] = {}; return a; } // CHECK: library-flows.cpp:[[@LINE]]:47: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
const char *dataOfLocal() { std::string s = "x"; return s.data(); } // CHECK: library-flows.cpp:[[@LINE]]:50: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
int *vecData() { std::vector<int> v(3); return v.data(); } // CHECK: library-flows.cpp:[[@LINE]]:41: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
std::string_view svOfTemp() { return std::string("abc"); } // CHECK: library-flows.cpp:[[@LINE]]:31: warning: temporary 'std::string' escapes to the caller{{.*}}[escape-return]
std::set<int>::iterator setIt() { std::set<int> s{1}; return s.begin(); } // CHECK: library-flows.cpp:[[@LINE]]:55: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
int *beginArr() { static int sa[2]; int a[3] = {}; return std::begin(a); } // CHECK: library-flows.cpp:[[@LINE]]:52: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
std::string_view svBuf() { char buf[8] = "abc"; return std::string_view(buf, 3); } // CHECK: library-flows.cpp:[[@LINE]]:49: warning: address of local 'buf' escapes to the caller{{.*}}[escape-return]
std::optional<std::string_view> optSv() { std::string s = "q"; return std::string_view(s); } // CHECK: library-flows.cpp:[[@LINE]]:64: warning: address of local 's' escapes to the caller{{.*}}[escape-return]
std::function<int()> g_fn;
void storeLambda() { int x = 1; g_fn = [&x] { return x; }; } // CHECK: library-flows.cpp:[[@LINE]]:33: warning: lambda expression captures local 'x' by reference and outlives it (sink {global g_fn}){{.*}}[escape-lambda-capture]
struct Holder { std::vector<std::function<void()>> cbs; void add(int *p) { cbs.push_back([p] { (void)*p; }); } };
void addLocal(Holder &h) { int y = 0; h.add(&y); } // CHECK: library-flows.cpp:[[@LINE]]:39: warning: address of local 'y' is stored into the object parameter 'h' refers to{{.*}}[escape-member]
struct W { int k = 0; std::function<int()> getter() { return [this] { return k; }; } };
std::function<int()> thisOfLocal() { W w; return w.getter(); } // CHECK: library-flows.cpp:[[@LINE]]:43: warning: address of local 'w' escapes to the caller{{.*}}[escape-return]
void keepFn(std::function<void()> f);
std::function<void()> g_keep;
void keepFnDef(std::function<void()> f) { g_keep = f; }
void passLambda() { int z = 0; keepFnDef([&z] { z++; }); } // CHECK: library-flows.cpp:[[@LINE]]:32: warning: lambda expression captures local 'z' by reference and outlives it (sink {global g_keep}){{.*}}[escape-lambda-capture]
void copyOut(int **out) { int x = 0; int *p = &x; std::memcpy(out, &p, sizeof p); } // CHECK: library-flows.cpp:[[@LINE]]:51: warning: address of local 'x' escapes to the caller through parameter 'out'{{.*}}[escape-return]
void swapOut(int *&out) { int x = 0; int *p = &x; std::swap(out, p); } // CHECK: library-flows.cpp:[[@LINE]]:51: warning: address of local 'x' escapes to the caller through parameter 'out'{{.*}}[escape-return]
int okRef(S &s) { return s.ref(); }
std::string okCopy() { std::string s = "x"; return s; }
