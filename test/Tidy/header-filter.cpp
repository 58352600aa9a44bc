// clang-tidy's own --header-filter decides which headers' findings are
// shown: the module reports the functions of the headers it names, as the
// CLI's --header-filter does, and clang-tidy filters them as for any check.
// (clang-tidy 19 shows no header by default, 22 every one: the first run
// names none on purpose.)
// RUN: rm -rf %t && mkdir -p %t && cp -r %S/../Driver/Inputs/header-filter %t/src
// RUN: %tidy -checks='-*,escape-*' --header-filter='^$' %t/src/use.cpp -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --implicit-check-not=warning:
// RUN: %tidy -checks='-*,escape-*' --header-filter='/include/' %t/src/use.cpp -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=INCLUDE --implicit-check-not=warning:
// RUN: %tidy -checks='-*,escape-*' --header-filter='.*' %t/src/use.cpp -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL --implicit-check-not=warning:

// NONE: warnings generated
// INCLUDE-DAG: dangling.h:5:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'localAddress' returns [escape-return]
// INCLUDE-DAG: dangling.h:9:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'localAddressOf' returns [escape-return]
// ALL-DAG: dangling.h:5:3: warning:
// ALL-DAG: dangling.h:9:3: warning:
// ALL-DAG: other.h:4:3: warning: address of local 'y' escapes to the caller
