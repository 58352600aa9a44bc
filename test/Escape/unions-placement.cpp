// RUN: not %clang-escape --caret=false %s -- -std=c++20 -Wno-return-stack-address | FileCheck %s --implicit-check-not=warning:

typedef __SIZE_TYPE__ size_t;
void *operator new(size_t, void *p) noexcept;

struct Point {
  int x;
};

// Placement new is not an allocation: its result is the buffer's address.
Point *placementIntoLocalBuffer() {
  alignas(Point) char buf[sizeof(Point)];
  return new (buf) Point{1}; // CHECK: unions-placement.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller; 'buf' dangles when 'placementIntoLocalBuffer' returns [escape-return]
}
int placementUsedLocally() {
  alignas(Point) char buf[sizeof(Point)];
  Point *p = new (buf) Point{1};
  return p->x;
}
Point *placementIntoParameter(void *storage) { return new (storage) Point{2}; }

// A union member holding a pointer.
union Slot {
  int *p;
  long v;
};
Slot g_slot;
void storeIntoGlobalUnion() {
  int x;
  g_slot.p = &x; // CHECK: unions-placement.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_slot'; 'x' dangles when 'storeIntoGlobalUnion' returns [escape-global]
}
Slot unionReturned() {
  int x = 0;
  Slot s;
  s.p = &x;
  return s; // CHECK: unions-placement.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
int unionUsedLocally() {
  int x = 4;
  Slot s;
  s.p = &x;
  return *s.p;
}

// thread_local storage outlives any frame, like a global.
thread_local int *t_current;
void storeIntoThreadLocal() {
  int x;
  t_current = &x; // CHECK: unions-placement.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in thread_local 't_current'{{.*}}[escape-global]
}

// 'x' is a local of the GNU statement expression's block, dead when the
// function returns (test/Escape/statement-expression.cpp).
int *statementExpression() {
  return ({ // CHECK: unions-placement.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
    int x = 0;
    &x;
  });
}
