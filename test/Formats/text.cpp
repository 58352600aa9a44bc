// Default text output: clang-style diagnostics with the source line, a caret,
// and the flow as notes.
// RUN: not %clang-escape %s -- -std=c++20 | FileCheck %s --strict-whitespace --match-full-lines
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --check-prefix=NOCARET --strict-whitespace --match-full-lines

int *addressOfLocal(int salt) {
  int seed = salt * 31;
  return &seed;
}
// CHECK:{{.*}}text.cpp:8:3: warning: address of local 'seed' escapes to the caller; 'seed' dangles when 'addressOfLocal' returns [escape-return]
// CHECK-NEXT:  return &seed;
// CHECK-NEXT:  ^
// CHECK-NEXT:{{.*}}text.cpp:7:7: note: 'seed' declared here
// CHECK-NEXT:{{.*}}text.cpp:8:10: note: address-of: &seed
// CHECK-NEXT:{{.*}}text.cpp:8:3: note: return: return &seed

// NOCARET:{{.*}}text.cpp:8:3: warning: address of local 'seed' escapes to the caller; 'seed' dangles when 'addressOfLocal' returns [escape-return]
// NOCARET-NEXT:{{.*}}text.cpp:7:7: note: 'seed' declared here
// NOCARET-NEXT:{{.*}}text.cpp:8:10: note: address-of: &seed
// NOCARET-NEXT:{{.*}}text.cpp:8:3: note: return: return &seed

const char *g_name;
void keepName() {
    char buf[8] = "name";
    g_name = buf;
}
// CHECK-NEXT:{{.*}}text.cpp:25:5: warning: address of local 'buf' is stored in global 'g_name'; 'buf' dangles when 'keepName' returns [escape-global]
// CHECK-NEXT:    g_name = buf;
// CHECK-NEXT:    ^
// CHECK-NEXT:{{.*}}text.cpp:24:10: note: 'buf' declared here
// CHECK-NEXT:{{.*}}text.cpp:25:14: note: decay: buf
// CHECK-NEXT:{{.*}}text.cpp:25:5: note: assign: g_name = buf
// CHECK-NEXT:{{.*}}text.cpp:25:5: note: store to global: g_name

// NOCARET-NEXT:{{.*}}text.cpp:25:5: warning: address of local 'buf' is stored in global 'g_name'{{.*}}
// NOCARET-NEXT:{{.*}}text.cpp:24:10: note: 'buf' declared here

// A remark has a caret too, and no notes.
struct Point {
  int x;
};
int candidate() {
  Point *p = new Point{1};
  int r = p->x;
  delete p;
  return r;
}
// CHECK-NEXT:{{.*}}text.cpp:43:14: remark: stack candidate: new Point (4 bytes) never escapes 'candidate' and is released in it; it can live on the stack [escape-stack-candidate]
// CHECK-NEXT:  Point *p = new Point{1};
// CHECK-NEXT:             ^
// CHECK-NOT:{{.+}}

// Only what is printed above: nothing follows the last caret.
