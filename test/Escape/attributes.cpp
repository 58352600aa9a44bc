// Callees without a body, described by attributes (ALGORITHM.md B4): they
// replace the conservative default ("may keep every pointer argument").
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE --implicit-check-not=warning:

void opaque(int *p);
void noEscape([[clang::noescape]] int *p);
const int &pick(const int &a [[clang::lifetimebound]]);
int *pickPointer(int *p [[clang::lifetimebound]]);

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

// --- [[gsl::Owner]] / [[gsl::Pointer]] user types (issue 4 item 1) ----------------

struct [[gsl::Owner(int)]] Buffer {
  int storage[4];
  ~Buffer();
};
struct [[gsl::Pointer(int)]] BufferView {
  BufferView(const Buffer &);
  const int *p;
};

// A Pointer type built from a local Owner and returned dangles, as a
// string_view of a local std::string does: the annotations are facts about
// the bodiless constructor.
BufferView viewOfLocalBuffer() {
  Buffer b;
  return BufferView(b); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller; 'b' dangles when 'viewOfLocalBuffer' returns [escape-return]
                        // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'b' escapes to the caller{{.*}}[escape-return]
}
BufferView viewOfTemporaryBuffer() {
  return BufferView(Buffer{}); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: temporary 'Buffer' escapes to the caller; it is destroyed at the end of the full-expression [escape-return]
                               // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: temporary 'Buffer' escapes to the caller{{.*}}[escape-return]
}
BufferView viewOfParameterBuffer(const Buffer &b) { return BufferView(b); }


// --- [[clang::lifetimebound]] on the implicit object parameter ---------------

struct Name {
  Name();
  ~Name();
  const char *data() const [[clang::lifetimebound]];
  const char *copyOut() const;
};
Name makeName();
int dataOfTemporary() {
  const char *p = makeName().data(); // DEFAULT: attributes.cpp:[[@LINE]]:15: warning: temporary 'Name' is destroyed at the end of the full-expression, but 'p' keeps its address and is used later [escape-scope]
                                     // MAYBE: attributes.cpp:[[@LINE-1]]:15: warning: temporary 'Name' is destroyed{{.*}}[escape-scope]
  return *p;
}
// (The bodiless constructor is a maybe of its own.)
const char *dataOfLocal() {
  Name n; // MAYBE: attributes.cpp:[[@LINE]]:8: warning: address of local 'n' escapes to the heap (via unknown 'Name::Name'{{.*}}(maybe{{.*}}[escape-heap]
  return n.data(); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: address of local 'n' escapes to the caller; 'n' dangles when 'dataOfLocal' returns [escape-return]
                   // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'n' escapes to the caller{{.*}}[escape-return]
}
// Without the attribute: only the conservative maybe.
const char *copyOfLocal() {
  Name n; // MAYBE: attributes.cpp:[[@LINE]]:8: warning: address of local 'n' escapes to the heap (via unknown 'Name::Name'{{.*}}(maybe{{.*}}[escape-heap]
  return n.copyOut();
}
const char *dataOfParameter(const Name &n) { return n.data(); }

// A [[gsl::Pointer]] with no fields of its own: its implicit copies still
// copy the address it stands for.
struct [[gsl::Owner]] Doc {
  Doc();
  ~Doc();
};
struct [[gsl::Pointer]] DocRef {
  DocRef();
  DocRef(const Doc &);
  void read() const;
};
void pointerAssignedInABlock() {
  DocRef r;
  {
    Doc d;
    r = d; // DEFAULT: attributes.cpp:[[@LINE]]:5: warning: address of local 'd' is kept in 'r', which is used after the scope of 'd' ends [escape-scope]
           // MAYBE: attributes.cpp:[[@LINE-1]]:5: warning: address of local 'd' is kept in 'r'{{.*}}[escape-scope]
  }
  r.read(); // MAYBE-DAG: attributes.cpp:[[@LINE]]:3: warning: address of local 'd' escapes to the heap (via unknown 'DocRef::read'{{.*}}(maybe{{.*}}[escape-heap]
            // MAYBE-DAG: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'r' escapes to the heap (via unknown 'DocRef::read'{{.*}}(maybe{{.*}}[escape-heap]
}
DocRef pointerReturnedOnOnePath(const Doc &kept, bool c) {
  Doc local;
  DocRef p = kept;
  if (c)
    p = local;
  return p; // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller; 'local' dangles when 'pointerReturnedOnOnePath' returns [escape-return]
            // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

// Only the members whose meaning the annotation fixes follow the owner
// rules: an Owner's release() hands over what it owned.
struct [[gsl::Owner(int)]] Holder {
  Holder();
  ~Holder();
  int *data();
  int *release();
};
int *releasedFromLocal() {
  Holder h;
  return h.release(); // MAYBE: attributes.cpp:[[@LINE]]:10: warning: address of local 'h' escapes to the heap (via unknown 'Holder::release'{{.*}}(maybe{{.*}}[escape-heap]
}
int *dataOfLocalHolder() {
  Holder h;
  return h.data(); // DEFAULT: attributes.cpp:[[@LINE]]:3: warning: address of local 'h' escapes to the caller; 'h' dangles when 'dataOfLocalHolder' returns [escape-return]
                   // MAYBE: attributes.cpp:[[@LINE-1]]:3: warning: address of local 'h' escapes to the caller{{.*}}[escape-return]
}
