// CheckOptions reach the analysis: the limits of escape-oversized-frame and
// escape-stack-candidate, maybe-findings (per check or global), extra model
// files, as the CLI's --max-*-bytes, --report-maybe and --models do.
// RUN: %tidy -checks='-*,escape-*' %s -- -std=c++20 2>&1 | FileCheck %s \
// RUN:   --check-prefix=DEFAULT --implicit-check-not=warning: --implicit-check-not=remark:
// RUN: %tidy -checks='-*,escape-*' %s -config="{CheckOptions: { \
// RUN:   escape-oversized-frame.MaxLocalBytes: 1000, escape-oversized-frame.MaxFrameBytes: 3000, \
// RUN:   escape-stack-candidate.MaxBytes: 8}}" -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LIMITS --implicit-check-not=warning: --implicit-check-not=remark:
// RUN: %tidy -checks='-*,escape-*' %s -config="{CheckOptions: {ReportMaybe: true}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=MAYBE
// RUN: %tidy -checks='-*,escape-*' %s -config="{CheckOptions: {escape-heap.ReportMaybe: true}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=MAYBE
// RUN: %tidy -checks='-*,escape-*' %s -config="{CheckOptions: {escape-return.ReportMaybe: true}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// RUN: echo '{"version": 1, "functions": [{"name": "legacy_register", "params": {"0": {"heap": 0}}}]}' > %t.json
// RUN: %tidy -checks='-*,escape-*' %s -config="{CheckOptions: {ModelFiles: '%t.json'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=MODEL
// RUN: not %clang-escape --caret=false --models=%t.json %s -- -std=c++20 | FileCheck %s --check-prefix=MODEL
// RUN: not %tidy -checks='-*,escape-*' %s -config="{CheckOptions: {ModelFiles: '%t.missing.json'}}" \
// RUN:   -- -std=c++20 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: cannot read model file '{{.*}}.missing.json'

void legacy_register(int *Ctx);

void registers() {
  int Ctx = 0;
  legacy_register(&Ctx);
  // MAYBE: options.cpp:[[@LINE-1]]:3: warning: address of local 'Ctx' escapes to the heap (via unknown 'legacy_register' keeps it); 'Ctx' dangles when 'registers' returns (maybe: rests on a conservative assumption) [escape-heap]
  // MODEL: options.cpp:[[@LINE-2]]:3: warning: address of local 'Ctx' escapes to the heap (via 'legacy_register' keeps it); 'Ctx' dangles when 'registers' returns [escape-heap]
}

int mediumLocal() {
  char Buf[2000];
  // LIMITS: options.cpp:[[@LINE-1]]:8: remark: 'Buf' is too large for the stack (2000 bytes > 1000) [escape-oversized-frame]
  Buf[0] = 1;
  return Buf[0];
}

int mediumFrame() {
  char A[900], B[900], C[900], D[900];
  // LIMITS: options.cpp:[[@LINE-2]]:5: remark: frame of 'mediumFrame' is about 3600 bytes (threshold 3000) [escape-oversized-frame]
  A[0] = B[0] = C[0] = D[0] = 1;
  return A[0];
}

long candidate(long N) {
  long *P = new long(N);
  // DEFAULT: options.cpp:[[@LINE-1]]:13: remark: stack candidate: new long (8 bytes){{.*}}[escape-stack-candidate]
  // LIMITS: options.cpp:[[@LINE-2]]:13: remark: stack candidate: new long (8 bytes){{.*}}[escape-stack-candidate]
  long R = *P;
  delete P;
  return R;
}

int bigger(int N) {
  int *P = new int[4];
  // DEFAULT: options.cpp:[[@LINE-1]]:12: remark: stack candidate: new int[] (16 bytes){{.*}}[escape-stack-candidate]
  P[0] = N;
  int R = P[0];
  delete[] P;
  return R;
}
