// Specializations of one member function template over class templates
// whose argument is a closure object (`sexpr<[] {...}>`, how stdexec builds
// every sender) have no USR: each is its own function, not one inline
// function with two bodies (no ODR warning), and each is analyzed.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=ODR
// With a second file including the same header, the specializations the
// header builds merge across the files: stored once each in the cache.
// RUN: rm -rf %t && not %clang-escape --caret=false --cache-dir=%t --cache-stats %s %S/Inputs/closure-object-args-other.cpp -- -std=c++20 > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefixes=CHECK,TWO --implicit-check-not=warning: --input-file=%t.out
// RUN: FileCheck %s --check-prefix=STATS --implicit-check-not=warning: --implicit-check-not=ODR --input-file=%t.err
// TWO-DAG: closure-object-args-other.cpp:6:3: warning: address of local 'z' is stored in global 'g_kept' (via 'run_t::operator()')
// 6 functions of the files, 4 closure-object specializations (one per
// closure), the 2 inline builders: 12 graphs, each stored once.
// STATS: clang-escape: cache: {{[0-9]+}} bytes, 2 file entries, 12 function graphs

#include "Inputs/closure-object-args.h"

void *g_kept;

void drops() {
  int y = 0;
  run(make_dropper(&y));
}

void keeps() {
  int x = 0;
  run(make_keeper(&x)); // CHECK-DAG: closure-object-args.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_kept' (via 'run_t::operator()')
}

// Closures of the function itself, not of a header.
void dropsLocal() {
  int v = 0;
  run(sexpr<[] { return false; }>{&v});
}

void keepsLocal() {
  int u = 0;
  run(sexpr<[] { return true; }>{&u}); // CHECK-DAG: closure-object-args.cpp:[[@LINE]]:3: warning: address of local 'u' is stored in global 'g_kept' (via 'run_t::operator()')
}
