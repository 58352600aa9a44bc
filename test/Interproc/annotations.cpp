// Annotations the summaries prove are offered as fix-its and exported as
// clang-tidy YAML that clang-apply-replacements applies.
// RUN: rm -rf %t && mkdir -p %t/fixes && cp %s %t/input.cpp
// RUN: %clang-escape --suggest-annotations --export-fixes=%t/fixes/fixes.yaml %t/input.cpp -- -std=c++20 | FileCheck %s
// RUN: FileCheck --check-prefix=YAML %s < %t/fixes/fixes.yaml
// RUN: clang-apply-replacements %t/fixes
// RUN: FileCheck --check-prefix=FIXED %s < %t/input.cpp
// RUN: %clangxx -fsyntax-only -std=c++20 %t/input.cpp
// Nothing more to suggest once applied.
// RUN: %clang-escape --suggest-annotations %t/input.cpp -- -std=c++20 | FileCheck --allow-empty --check-prefix=AGAIN %s
// AGAIN-NOT: remark:

const int &larger(const int &a, const int &b) { return a > b ? a : b; }
// CHECK: input.cpp:[[@LINE-1]]:31: remark: parameter 'a' of 'larger' only leaks to the result; mark it {{\[\[}}clang::lifetimebound]] [escape-annotate-lifetimebound]
// CHECK: input.cpp:[[@LINE-2]]:45: remark: parameter 'b' of 'larger'
// FIXED: const int &larger(const int &a {{\[\[}}clang::lifetimebound]], const int &b {{\[\[}}clang::lifetimebound]])

int sum(const int *data, int n) {
  int s = 0;
  for (int i = 0; i < n; ++i)
    s += data[i];
  return s;
}
// CHECK: input.cpp:[[@LINE-6]]:24: remark: pointer parameter 'data' of 'sum' does not escape; mark it {{\[\[}}clang::noescape]] [escape-annotate-noescape]
// FIXED: int sum(const int *data {{\[\[}}clang::noescape]], int n)

int *g_kept;
void keep(int *p) { g_kept = p; } // leaks to a global: nothing to suggest
// FIXED: void keep(int *p) { g_kept = p; }

// YAML: DiagnosticName:  escape-annotate-lifetimebound
// YAML: ReplacementText: ' {{\[\[}}clang::lifetimebound]]'
// YAML: DiagnosticName:  escape-annotate-noescape
