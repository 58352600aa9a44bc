// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/codeclimate.cpp
// RUN: cd %t/src && not %clang-escape --format=codeclimate --source-root=%t codeclimate.cpp -- -std=c++20 > %t/cq.json
// RUN: %python -c "import json,sys; json.load(open(sys.argv[1]))" %t/cq.json
// RUN: FileCheck %s --input-file=%t/cq.json

// A GitLab Code Quality report: an array of Code Climate issues whose
// fingerprints are unique, also for identical escapes (here in two lambdas
// of one function, whose line numbers are no part of the fingerprint).
// CHECK: [
int *g;
void registerBoth() {
  auto first = [] {
    int v = 0;
    g = &v;
  };
  auto second = [] {
    int v = 0;
    g = &v;
  };
  first();
  second();
}
// CHECK-NEXT:  {
// CHECK-NEXT:    "type": "issue",
// CHECK-NEXT:    "check_name": "escape-global",
// CHECK-NEXT:    "description": "address of local 'v' is stored in global 'g'; 'v' dangles when 'registerBoth::lambda@[[@LINE-14]]' returns",
// CHECK-NEXT:    "categories": [
// CHECK-NEXT:      "Bug Risk"
// CHECK-NEXT:    ],
// CHECK-NEXT:    "severity": "major",
// CHECK-NEXT:    "fingerprint": "[[FP:[0-9a-f]+]]:0",
// CHECK-NEXT:    "location": {
// CHECK-NEXT:      "path": "src/codeclimate.cpp",
// CHECK-NEXT:      "lines": {
// CHECK-NEXT:        "begin": [[@LINE-21]]
// CHECK:         "fingerprint": "[[FP]]:1",
// CHECK:             "begin": [[@LINE-19]]

int sumOfArray() {
  int *p = new int[8]();
  int s = p[0];
  delete[] p;
  return s;
}
// CHECK:         "check_name": "escape-stack-candidate",
// CHECK:         "categories": [
// CHECK-NEXT:      "Performance"
// CHECK:         "severity": "minor",
// CHECK:             "begin": [[@LINE-9]]
