// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/sarif.cpp
// RUN: cd %t && not %clang-escape --format=sarif --source-root=%t src/sarif.cpp -- -std=c++20 > %t/out.sarif
// RUN: FileCheck %s --input-file=%t/out.sarif
// RUN: FileCheck %s --check-prefix=RULES --input-file=%t/out.sarif
// The same through -o, and the exit status does not depend on the format.
// RUN: cd %t && %python %S/../Driver/Inputs/expect-exit.py 1 %clang-escape --format=sarif -o %t/o.sarif --source-root=%t src/sarif.cpp -- -std=c++20
// RUN: diff %t/out.sarif %t/o.sarif

// CHECK:      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
// CHECK-NEXT: "version": "2.1.0",

// One rule per documented check, with the metadata of docs/checks.
// RULES:      "id": "escape-coroutine",
// RULES:      "id": "escape-return",
// RULES-NEXT: "name": "EscapeReturn",
// RULES-NEXT: "shortDescription": {
// RULES-NEXT:   "text": "Reports an address, reference or view of a local variable, by-value parameter or temporary that reaches the caller, through the return value or through an out-parameter."
// RULES:      "help": {
// RULES-NEXT:   "text": "# escape-return\n\nReports an address
// RULES-NEXT:   "markdown": "# escape-return\n\nReports an address
// RULES:      "defaultConfiguration": {
// RULES-NEXT:   "level": "warning"
// RULES:      "tags": [
// RULES-NEXT:   "correctness",
// RULES:      "precision": "high",
// RULES-NEXT: "problem.severity": "warning"
// RULES:      "id": "escape-stack-candidate",
// RULES:      "level": "note"
// RULES:      "precision": "medium",
// RULES-NEXT: "problem.severity": "recommendation"

// CHECK:      "automationDetails": {
// CHECK-NEXT:   "id": "clang-escape/"
// CHECK:      "originalUriBaseIds": {
// CHECK-NEXT:   "%SRCROOT%": {
// CHECK-NEXT:     "uri": "file:///{{.*}}/"
// CHECK:      "invocations": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "executionSuccessful": true
// CHECK:      "results": [

int *addressOfLocal(int salt) {
  int seed = salt * 31;
  return &seed;
}
// CHECK:      "ruleId": "escape-return",
// CHECK-NEXT: "ruleIndex": {{[0-9]+}},
// CHECK-NEXT: "level": "warning",
// CHECK-NEXT: "message": {
// CHECK-NEXT:   "text": "address of local 'seed' escapes to the caller; 'seed' dangles when 'addressOfLocal' returns ('seed' is [declared here](1))"
// CHECK:      "locations": [
// CHECK:          "uri": "src/sarif.cpp",
// CHECK-NEXT:     "uriBaseId": "%SRCROOT%"
// CHECK:        "region": {
// CHECK-NEXT:     "startLine": [[@LINE-11]],
// CHECK-NEXT:     "startColumn": 3,
// CHECK-NEXT:     "endLine": [[@LINE-13]],
// CHECK-NEXT:     "endColumn": 15
// CHECK:      "relatedLocations": [
// CHECK:          "startLine": [[@LINE-17]],
// CHECK-NEXT:     "startColumn": 7,
// CHECK-NEXT:     "endLine": [[@LINE-19]],
// CHECK-NEXT:     "endColumn": 11
// CHECK:        "id": 1,
// CHECK-NEXT:   "message": {
// CHECK-NEXT:     "text": "'seed' declared here"
// CHECK:      "codeFlows": [
// CHECK:        "threadFlows": [
// CHECK:            "startLine": [[@LINE-25]],
// CHECK-NEXT:       "startColumn": 10,
// CHECK:            "text": "address-of: &seed"
// CHECK:            "text": "return: return &seed"
// CHECK:      "partialFingerprints": {
// CHECK-NEXT:   "escapeFingerprint/v1": "{{[0-9a-f]+}}:0"
// CHECK:      "properties": {
// CHECK-NEXT:   "function": "addressOfLocal",
// CHECK-NEXT:   "subject": "seed",
// CHECK-NEXT:   "sink": "~r0",
// CHECK-NEXT:   "confidence": "definite"

// Brackets in a message are escaped: they would be links.
int sumOfArray() {
  int *p = new int[8]();
  int s = p[0];
  delete[] p;
  return s;
}
// CHECK:      "ruleId": "escape-stack-candidate",
// CHECK:      "level": "note",
// CHECK-NEXT: "message": {
// CHECK-NEXT:   "text": "stack candidate: new int\\[\\] (32 bytes) never escapes 'sumOfArray' and is released in it; it can live on the stack ('new int\\[\\]' is [declared here](1))"
