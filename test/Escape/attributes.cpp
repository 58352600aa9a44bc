// Callees without a body, described by attributes (ALGORITHM.md B4): they
// replace the conservative default ("may keep every pointer argument").
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE --implicit-check-not=warning:

void opaque(int *p);
void noEscape([[clang::noescape]] int *p);
const int &pick(const int &a [[clang::lifetimebound]]);
int *pickPointer(int *p [[clang::lifetimebound]]);
struct Set {
  void add(int *p [[clang::lifetime_capture_by(this)]]);
};
void keepGlobally(int *p [[clang::lifetime_capture_by(global)]]);

// [[clang::noescape]]: never an escape, not even a maybe.
void passToNoEscape() {
  int x = 0;
  noEscape(&x);
}

// No attribute: a maybe.
void passToOpaque() {
  int x = 0;
  opaque(&x); // MAYBE: attributes.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap (via unknown 'opaque' keeps it){{.*}}(maybe: rests on a conservative assumption) [escape-heap]
}

// [[clang::lifetimebound]] says the result refers to the argument (result
// level 0) and nothing else: a definite escape-return, reported by default;
// the dereferenced use gives nothing.
const int &returnThroughLifetimeBound() {
  int x = 0;
  return pick(x); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'returnThroughLifetimeBound' returns [escape-return]
                  // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'returnThroughLifetimeBound' returns [escape-return]
}
const int &temporaryThroughLifetimeBound() {
  return pick(5); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: temporary 'int' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
                  // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: temporary 'int' escapes to the caller{{.*}}[escape-return]
}
int *pointerThroughLifetimeBound() {
  int x = 0;
  return pickPointer(&x); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
                          // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}
int valueThroughLifetimeBound() {
  int x = 0;
  return *pickPointer(&x);
}
const int &parameterThroughLifetimeBound(const int &a) { return pick(a); }

// FIXME: [[clang::lifetime_capture_by(this)]] stores the argument into the
// object: a definite escape-member for a parameter's Set, nothing for a local
// Set. Today both are maybe escape-heap (and the local Set 's' itself is said
// to escape).
void captureIntoParameter(Set &s) {
  int x = 0;
  s.add(&x); // MAYBE: attributes.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap (via unknown 'Set::add' keeps it){{.*}}(maybe{{.*}}[escape-heap]
}
void captureIntoLocal() {
  Set s;
  int x = 0;
  s.add(&x); // MAYBE-DAG: attributes.cpp:[[@LINE]]:3: warning: address of local 's' escapes to the heap (via unknown 'Set::add' keeps it){{.*}}(maybe{{.*}}[escape-heap]
             // MAYBE-DAG: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'x' escapes to the heap (via unknown 'Set::add' keeps it){{.*}}(maybe{{.*}}[escape-heap]
}

// FIXME: lifetime_capture_by(global) is a definite escape-global; today a maybe.
void captureGlobally() {
  int x = 0;
  keepGlobally(&x); // MAYBE: attributes.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the heap (via unknown 'keepGlobally' keeps it){{.*}}(maybe{{.*}}[escape-heap]
}

// --- [[gsl::Owner]] / [[gsl::Pointer]] user types (issue 4 item 1) ----------------

struct [[gsl::Owner(int)]] Buffer {
  int storage[4];
  ~Buffer();
};
struct [[gsl::Pointer(int)]] BufferView {
  BufferView(const Buffer &);
  const int *p;
};

// FIXME: a Pointer type built from a local Owner and returned dangles, as a
// string_view of a local std::string does: a definite escape-return. Today
// only a maybe escape-heap through the bodiless constructor.
BufferView viewOfLocalBuffer() {
  Buffer b;
  return BufferView(b); // MAYBE: attributes.cpp:[[@LINE]]:10: warning: address of local 'b' escapes to the heap (via unknown 'BufferView::BufferView' keeps it){{.*}}(maybe{{.*}}[escape-heap]
}
BufferView viewOfTemporaryBuffer() {
  return BufferView(Buffer{}); // MAYBE: attributes.cpp:[[@LINE]]:10: warning: temporary 'Buffer' escapes to the heap (via unknown 'BufferView::BufferView' keeps it){{.*}}(maybe{{.*}}[escape-heap]
}
BufferView viewOfParameterBuffer(const Buffer &b) { return BufferView(b); }

