// clang-tidy's --system-headers makes the system headers its
// --header-filter matches the program's own for the module too: analyzed
// (the store into a global through `keep`) and reported.
// RUN: rm -rf %t && mkdir -p %t && cp -r %S/../Driver/Inputs/system-headers %t/src
// RUN: %tidy -checks='-*,escape-*' --header-filter='/inc/' %t/src/main.cpp -- -std=c++20 -isystem %t/src/inc 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=warning:
// RUN: %tidy -checks='-*,escape-*' --header-filter='/inc/' --system-headers %t/src/main.cpp -- -std=c++20 -isystem %t/src/inc 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ON --implicit-check-not=warning:

// OFF-NOT: warning:
// ON-DAG: keep.h:6:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'leak' returns [escape-return]
// ON-DAG: main.cpp:4:3: warning: address of local 'x' is stored in global 'g_kept' (via 'keep'); 'x' dangles when 'f' returns [escape-global]
