// RUN: not %clang-escape --caret=false %s %S/Inputs/global-cleared-in-other-unit-lib.cpp -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s %S/Inputs/global-cleared-in-other-unit-lib.cpp -- -std=c++17 | FileCheck %s --check-prefix=MAYBE

// A local handed to a setter of another unit that stores it into a global,
// then, later in the same block, the setter given nothing
// (`registerManager(&m); ...; registerManager(nullptr);`): the caller
// pairs the two calls, and the link decides from the globals each callee
// stores into and clears (their summaries). As when the setter's body is
// in the same unit (test/Escape/global-cleared-by-call.cpp), the store is
// then a maybe. A registry the later call does not clear keeps it.

#include "Inputs/global-cleared-in-other-unit.h"

void setUseClear() {
  Manager m;
  registerManager(&m); // MAYBE: global-cleared-in-other-unit.cpp:[[@LINE]]:3: warning: address of local 'm' is stored in global 'manager' (via 'registerManager', until 'registerManager(nullptr)' may take it back){{.*}}(maybe
  runAll();
  registerManager(nullptr);
}

void setUseNoClear() {
  Manager m;
  registerManager(&m); // CHECK: global-cleared-in-other-unit.cpp:[[@LINE]]:3: warning: address of local 'm' is stored in global 'manager'
  runAll();
}

void addedNeverRemoved() {
  Manager m;
  addListener(&m); // CHECK: global-cleared-in-other-unit.cpp:[[@LINE]]:3: warning: address of local 'm' is stored in global 'listeners'
  runAll();
  registerManager(nullptr);
}
