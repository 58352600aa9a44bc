// Temporaries that die before a pointer or view to them is used.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// C++23 extends every temporary of a range-for initializer (P2718).
// RUN: not %clang-escape --caret=false %s -- -std=c++23 | FileCheck --check-prefix=CXX23 %s --implicit-check-not=warning:
// CXX23: dangling-uses.cpp:15:25: warning: {{.*}}[escape-scope]
// CXX23: dangling-uses.cpp:16:30: warning: {{.*}}[escape-scope]
#include <string>
#include <string_view>
#include <vector>
#include <cstdio>
std::string make();
struct Obj { std::vector<int> v; const std::vector<int> &items() const { return v; } };
Obj getObj();
void use(const char *);
void t1() { const char *p = make().c_str(); use(p); } // CHECK: dangling-uses.cpp:[[@LINE]]:25: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'p' keeps its address and is used later{{.*}}[escape-scope]
void t2() { std::string_view sv = make(); std::puts(sv.data()); } // CHECK: dangling-uses.cpp:[[@LINE]]:30: warning: temporary 'std::string' is destroyed at the end of the full-expression, but 'sv' keeps its address and is used later{{.*}}[escape-scope]
int t3() { int s = 0; for (int x : getObj().items()) s += x; return s; } // CHECK: dangling-uses.cpp:[[@LINE]]:36: warning: temporary 'Obj' is destroyed at the end of the full-expression, but 'range of the for loop' keeps its address and is used later{{.*}}[escape-scope]
void ok1() { use(make().c_str()); }
void ok2() { const std::string &r = make(); use(r.c_str()); }
int ok3() { int s = 0; for (int x : getObj().v) s += x; return s; }
