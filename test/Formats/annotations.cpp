// --suggest-annotations prints the annotations the analysis proves, with a
// fix-it; --export-fixes writes them as clang-tidy export-fixes YAML. Neither
// changes the exit status.
// RUN: %clang-escape --caret=false --suggest-annotations %s -- -std=c++20 | FileCheck %s
// RUN: %clang-escape --caret=false %s -- -std=c++20 | count 0
// RUN: rm -f %t.yaml
// RUN: %clang-escape --export-fixes=%t.yaml %s -- -std=c++20 | count 0
// RUN: FileCheck %s --check-prefix=YAML --input-file=%t.yaml

int *ident(int *p) { return p; }
// CHECK: annotations.cpp:[[@LINE-1]]:18: remark: parameter 'p' of 'ident' only leaks to the result; mark it {{\[\[}}clang::lifetimebound]] [escape-annotate-lifetimebound]
// CHECK-NEXT: annotations.cpp:[[@LINE-2]]:18: note: fix-it: insert " {{\[\[}}clang::lifetimebound]]"

int readOnly(const int *p) { return *p; }
// CHECK: annotations.cpp:[[@LINE-1]]:26: remark: pointer parameter 'p' of 'readOnly' does not escape; mark it {{\[\[}}clang::noescape]] [escape-annotate-noescape]
// CHECK-NEXT: annotations.cpp:[[@LINE-2]]:26: note: fix-it: insert " {{\[\[}}clang::noescape]]"

// Already annotated: nothing to suggest.
int *annotated(int *p [[clang::lifetimebound]]) { return p; }
// CHECK-NOT: 'annotated'

int *g_kept;
void keeps(int *p) { g_kept = p; }
// CHECK-NOT: 'keeps'

// YAML: MainSourceFile: '{{.*}}annotations.cpp'
// YAML: DiagnosticName: escape-annotate-lifetimebound
// YAML: ReplacementText: ' {{\[\[}}clang::lifetimebound]]'
// YAML: DiagnosticName: escape-annotate-noescape
// YAML: ReplacementText: ' {{\[\[}}clang::noescape]]'
// YAML-NOT: DiagnosticName
