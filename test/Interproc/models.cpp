// A model file describes functions without bodies; a malformed one is an
// error naming the file and the place.
// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck --allow-empty --check-prefix=NOMODEL %s
// RUN: echo '{"version": 1, "functions": [{"name": "legacy_register", "params": {"0": {"heap": 0}}}, {"name": "lib::View::bind", "params": {"0": {"content": {"this": 0}}}}]}' > %t.json
// RUN: not %clang-escape --caret=false --models=%t.json %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: printf '{"version": 1,\n  "functions": [{"name": }]}' > %t.bad.json
// RUN: not %clang-escape --models=%t.bad.json %s -- -std=c++20 2>&1 | FileCheck --check-prefix=BAD %s
// RUN: echo '{"version": 1, "functions": [{"name": "f", "params": {"0": {"hep": 0}}}]}' > %t.schema.json
// RUN: not %clang-escape --models=%t.schema.json %s -- -std=c++20 2>&1 | FileCheck --check-prefix=SCHEMA %s
// RUN: not %clang-escape --models=%t.missing.json %s -- -std=c++20 2>&1 | FileCheck --check-prefix=MISSING %s

// NOMODEL-NOT: warning:
// BAD: error: {{.*}}.bad.json:2:26: malformed JSON
// SCHEMA: error: {{.*}}.schema.json: functions[0].params.0.hep: unknown sink
// MISSING: error: cannot read model file '{{.*}}.missing.json'

extern "C" void legacy_register(void *ctx);
extern "C" void legacy_unregister(void *ctx);

void registers() {
  int ctx = 0;
  legacy_register(&ctx); // CHECK: models.cpp:[[@LINE]]:3: warning: address of local 'ctx' escapes to the heap (via 'legacy_register' keeps it){{.*}}[escape-heap]
}

void unmodelled() {
  int ctx = 0;
  legacy_unregister(&ctx); // unknown: a maybe, not reported by default
}

namespace lib {
class View {
public:
  void bind(const int *p);
};
} // namespace lib

void binds(lib::View &v) {
  int x = 0;
  v.bind(&x); // CHECK: models.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'v' refers to{{.*}}[escape-member]
}
