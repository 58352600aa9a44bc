// RUN: not %clang-escape --caret=false %s -- -std=c++20 -Wno-unused-value -Wno-return-stack-address | FileCheck %s --implicit-check-not=warning:

int *g_ptr;

// Both arms of a conditional flow to its value.
int *bothArms(bool c) {
  int a = 0, b = 0;
  return c ? &a : &b; // CHECK-DAG: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller; 'a' dangles when 'bothArms' returns [escape-return]
                      // CHECK-DAG: ternary-comma.cpp:[[@LINE-1]]:3: warning: address of local 'b' escapes to the caller; 'b' dangles when 'bothArms' returns [escape-return]
}

int *oneArm(bool c, int *p) {
  int a = 0;
  return c ? p : &a; // CHECK: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

// An lvalue conditional yields a reference to one of the arms.
int &referenceArms(bool c) {
  int a = 0, b = 0;
  return c ? a : b; // CHECK-DAG: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
                    // CHECK-DAG: ternary-comma.cpp:[[@LINE-1]]:3: warning: address of local 'b' escapes to the caller{{.*}}[escape-return]
}

int *nestedConditional(int c) {
  int a = 0, b = 0, d = 0;
  return c == 0 ? &a : c == 1 ? &b : &d; // CHECK-DAG: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a'{{.*}}[escape-return]
                                         // CHECK-DAG: ternary-comma.cpp:[[@LINE-1]]:3: warning: address of local 'b'{{.*}}[escape-return]
                                         // CHECK-DAG: ternary-comma.cpp:[[@LINE-2]]:3: warning: address of local 'd'{{.*}}[escape-return]
}

// GNU binary conditional.
int *elvis(int *p) {
  int a = 0;
  return p ?: &a; // CHECK: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

void conditionalIntoGlobal(bool c) {
  int a = 0;
  g_ptr = c ? &a : nullptr; // CHECK: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' is stored in global 'g_ptr'{{.*}}[escape-global]
}

int *identity(int *p) { return p; }
int *conditionalArgument(bool c) {
  int a = 0;
  return identity(c ? &a : nullptr); // CHECK: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

// A comma expression's value is its right operand.
int *commaRight() {
  int a = 0;
  return (void(0), &a); // CHECK: ternary-comma.cpp:[[@LINE]]:3: warning: address of local 'a' escapes to the caller{{.*}}[escape-return]
}

void commaOfAssignments(int *p) {
  int a = 0;
  g_ptr = p, g_ptr = &a; // CHECK: ternary-comma.cpp:[[@LINE]]:14: warning: address of local 'a' is stored in global 'g_ptr'{{.*}}[escape-global]
}

// --- Not escaping ---------------------------------------------------------------

int *paramsOnly(bool c, int *p, int *q) { return c ? p : q; }
int valuesOfArms(bool c) {
  int a = 0, b = 0;
  return c ? a : b;
}
int *commaLeftDiscarded(int *p) {
  int a = 0;
  return (&a, p);
}
int *staticArms(bool c) {
  static int s, t;
  int a = 0;
  return c ? &s : (a++, &t);
}
int readConditional(bool c) {
  int a = 1, b = 2;
  int *p = c ? &a : &b;
  return *p;
}
