// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Range {
  int *first;
  unsigned long count;
};

Range iota(int start) {
  int values[8];
  for (int i = 0; i < 8; ++i)
    values[i] = start + i;
  return {values, 8}; // CHECK: aggregates.cpp:[[@LINE]]:3: warning: address of local 'values'{{.*}}[escape-return]
}

struct Cursor {
  const char *pos;
  int line;
};

Cursor startCursor(int line) {
  char text[32] = "let x = 1;";
  Cursor c;
  c.pos = text;
  c.line = line;
  return c; // CHECK: aggregates.cpp:[[@LINE]]:3: warning: address of local 'text'{{.*}}[escape-return]
}

Cursor cursorAt(const char *text, int line) {
  Cursor c;
  c.pos = text;
  c.line = line;
  return c;
}

int *g_primary = nullptr;

void elect(int a, int b) {
  int first = a, second = b;
  int *candidates[2] = {&first, &second};
  g_primary = candidates[a >= b ? 0 : 1]; // CHECK-COUNT-2: aggregates.cpp:[[@LINE]]:3: warning: {{.*}}[escape-global]
}

int electValue(int a, int b) {
  int first = a, second = b;
  int *candidates[2] = {&first, &second};
  return *candidates[a >= b ? 0 : 1];
}
