// A parameter kept only under `if (flag)` for a bool parameter is kept by the
// callers that pass true (or an unknown value), not by those passing false.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape -m %s -- -std=c++20 | FileCheck --check-prefix=DECISION %s

const double *g_table = nullptr;
void store(const double *t) { g_table = t; }
void apply(const double *t, bool persist) {
  if (persist)
    store(t);
}
// DECISION: guarded-leaks.cpp:[[@LINE-4]]:26: leaking param: t (only if persist)
void applyUnlessDry(const double *t, bool dry) {
  if (!dry)
    store(t);
  else
    (void)*t;
}
// DECISION: guarded-leaks.cpp:[[@LINE-6]]:35: leaking param: t (only if !dry)

void persists() {
  double table[4] = {};
  apply(table, true); // CHECK: guarded-leaks.cpp:[[@LINE]]:3: warning: address of local 'table' is stored in global 'g_table' (via 'apply'){{.*}}[escape-global]
}
void preview() {
  double table[4] = {};
  apply(table, false);
}
void unknownFlag(bool b) {
  double table[4] = {};
  apply(table, b); // CHECK: guarded-leaks.cpp:[[@LINE]]:3: warning: address of local 'table'{{.*}}[escape-global]
}
void dryRun() {
  double table[4] = {};
  applyUnlessDry(table, true);
}
void realRun() {
  double table[4] = {};
  applyUnlessDry(table, false); // CHECK: guarded-leaks.cpp:[[@LINE]]:3: warning: address of local 'table'{{.*}}[escape-global]
}

// A store outside the condition is unconditional.
void applyAlways(const double *t, bool persist) {
  if (persist)
    (void)*t;
  store(t);
}
void always() {
  double table[4] = {};
  applyAlways(table, false); // CHECK: guarded-leaks.cpp:[[@LINE]]:3: warning: address of local 'table'{{.*}}[escape-global]
}
