// RUN: not %clang-escape --format=json %s -- -std=c++20 > %t.json
// RUN: %python -c "import json,sys; json.load(open(sys.argv[1]))" %t.json
// RUN: FileCheck %s --input-file=%t.json
// RUN: %clang-escape --format=json %S/Inputs/clean.cpp -- -std=c++20 | FileCheck %s --check-prefix=CLEAN
// RUN: not %clang-escape --format=json --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// CHECK:      "version": 1,
// CHECK-NEXT: "tool": {
// CHECK-NEXT:   "name": "clang-escape",
// CHECK-NEXT:   "version": "{{[0-9]+\.[0-9]+\.[0-9]+}}"
// CHECK-NEXT: },
// CHECK-NEXT: "findings": [

int *addressOfLocal(int salt) {
  int seed = salt * 31;
  return &seed;
}
// CHECK:      "check": "escape-return",
// CHECK-NEXT: "class": "bug",
// CHECK-NEXT: "severity": "warning",
// CHECK-NEXT: "confidence": "definite",
// CHECK-NEXT: "file": "{{.*}}json.cpp",
// CHECK-NEXT: "line": 16,
// CHECK-NEXT: "column": 3,
// CHECK-NEXT: "function": "addressOfLocal",
// CHECK-NEXT: "subject": "seed",
// CHECK-NEXT: "sink": "~r0",
// CHECK-NEXT: "message": "address of local 'seed' escapes to the caller; 'seed' dangles when 'addressOfLocal' returns",
// CHECK-NEXT: "fingerprint": "{{[0-9a-f]+}}",
// CHECK-NEXT: "flow": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "note": "address-of",
// CHECK-NEXT:     "expr": "&seed",
// CHECK-NEXT:     "file": "{{.*}}json.cpp",
// CHECK-NEXT:     "line": 16,
// CHECK-NEXT:     "column": 10
// CHECK-NEXT:   },
// CHECK-NEXT:   {
// CHECK-NEXT:     "note": "return",
// CHECK-NEXT:     "expr": "return &seed",
// CHECK-NEXT:     "file": "{{.*}}json.cpp",
// CHECK-NEXT:     "line": 16,
// CHECK-NEXT:     "column": 3
// CHECK-NEXT:   }
// CHECK-NEXT: ]

int *g_slot;
void storeGlobal() {
  int level = 0;
  g_slot = &level;
}
// CHECK:      "check": "escape-global",
// CHECK-NEXT: "class": "bug",
// CHECK:      "line": 50,
// CHECK-NEXT: "column": 3,
// CHECK-NEXT: "function": "storeGlobal",
// CHECK-NEXT: "subject": "level",
// CHECK-NEXT: "sink": "{global g_slot}",
// CHECK:      "flow": [
// CHECK:        "note": "address-of",
// CHECK:        "note": "assign",
// CHECK:        "note": "store to global",

struct Point {
  int x;
};
int candidate() {
  Point *p = new Point{1};
  int r = p->x;
  delete p;
  return r;
}
// CHECK:      "check": "escape-stack-candidate",
// CHECK-NEXT: "class": "perf",
// CHECK-NEXT: "severity": "remark",
// CHECK-NEXT: "confidence": "definite",
// CHECK-NEXT: "file": "{{.*}}json.cpp",
// CHECK-NEXT: "line": 68,
// CHECK-NEXT: "column": 14,
// CHECK-NEXT: "function": "candidate",
// CHECK-NEXT: "subject": "new Point",
// CHECK-NEXT: "sink": "",
// CHECK-NEXT: "message": "stack candidate: new Point (4 bytes) never escapes 'candidate' and is released in it; it can live on the stack",
// CHECK-NEXT: "fingerprint": "{{[0-9a-f]+}}",
// CHECK-NEXT: "flow": []

// Only with --report-maybe: an unknown callee.
void opaque(int *);
void callsOpaque() {
  int z = 0;
  opaque(&z);
}
// CHECK-NOT: "subject": "z"
// MAYBE:      "check": "escape-heap",
// MAYBE-NEXT: "class": "bug",
// MAYBE-NEXT: "severity": "warning",
// MAYBE-NEXT: "confidence": "maybe",
// MAYBE:      "line": 91,
// MAYBE:      "subject": "z",
// MAYBE-NEXT: "sink": "{heap}",

// CHECK:      ]
// CHECK-NEXT: }

// CLEAN:      "version": 1,
// CLEAN:      "findings": []
// CLEAN-NEXT: }
