// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Objects are field-sensitive: a local, a temporary and the object a
// parameter refers to keep one node per field, so reading one field does
// not yield what another holds. Summaries carry the fields across calls.

int *g;
char *gc;

struct Pair {
  int *a;
  char *b;
};

// --- Locals -----------------------------------------------------------------

void otherFieldAggregate() {
  int x = 0;
  Pair p{&x, nullptr};
  gc = p.b; // not reported: 'p.b' never holds '&x'
}

void sameFieldAggregate() {
  int x = 0;
  Pair p{&x, nullptr};
  g = p.a; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

void otherFieldAssigned() {
  int x = 0;
  Pair p;
  p.a = &x;
  p.b = new char[4];
  gc = p.b; // not reported
}

void sameFieldAssigned() {
  int x = 0;
  Pair p;
  p.a = &x;
  g = p.a; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

// A whole-object store reaches every field.
void wholeStore(Pair q) {
  int x = 0;
  Pair p;
  p = Pair{&x, nullptr};
  g = p.a; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

// A copy of the whole object carries every field (no finer tracking).
void wholeCopy() {
  int x = 0;
  Pair p{&x, nullptr};
  Pair q = p;
  gc = q.b; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'gc'{{.*}}[escape-global]
}

// The address of a field is the address of the object.
Pair *gp;
int **gpp;
void fieldAddress() {
  Pair p{nullptr, nullptr};
  gpp = &p.a; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'p' is stored in global 'gpp'{{.*}}[escape-global]
}

// Through a pointer to the field.
void throughFieldPointer() {
  int x = 0;
  Pair p{nullptr, nullptr};
  int **pa = &p.a;
  *pa = &x;
  gc = p.b; // not reported
  g = p.a;  // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

// A field outliving a block: the object keeps the address.
int blockScope() {
  Pair p{nullptr, nullptr};
  {
    int x = 1;
    p.a = &x; // CHECK: fields.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'p', which is used after the scope of 'x' ends [escape-scope]
  }
  return *p.a;
}

// Unions are never split: their members share storage.
union U {
  int *i;
  char *c;
};
void unionMembers() {
  int x = 0;
  U u;
  u.i = &x;
  gc = u.c; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'gc'{{.*}}[escape-global]
}

// --- Across calls -------------------------------------------------------------

struct Holder {
  int *tag_;
  char *buf_;
  explicit Holder(int *t) : tag_(t), buf_(new char[8]) {}
  char *buffer() const { return buf_; }
  int *tag() const { return tag_; }
  void setTag(int *t) { tag_ = t; }
  char *viaHelper() { return buffer(); }
};

void methodReadsOtherField() {
  int t = 0;
  Holder h(&t);
  gc = h.buffer();    // not reported
  gc = h.viaHelper(); // not reported
}

void methodReadsSameField() {
  int t = 0;
  Holder h(&t);
  g = h.tag(); // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 't' is stored in global 'g'{{.*}}[escape-global]
}

void setterThenOtherField() {
  int t = 0;
  Holder h(nullptr);
  h.setTag(&t);
  gc = h.buffer(); // not reported
}

// A base class's fields in a derived object.
struct Derived : Holder {
  char *extra_ = nullptr;
  explicit Derived(int *t) : Holder(t) {}
};
void baseOtherField() {
  int t = 0;
  Derived d(&t);
  gc = d.buffer(); // not reported
}
void baseSameField() {
  int t = 0;
  Derived d(&t);
  g = d.tag(); // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 't' is stored in global 'g'{{.*}}[escape-global]
}

// A field read through a reference parameter.
char *bufferOf(const Pair &p) { return p.b; }
void referenceParam() {
  int x = 0;
  Pair p{&x, nullptr};
  gc = bufferOf(p); // not reported
}

// A member stored into *this from a field of a parameter.
struct Sink {
  char *kept_ = nullptr;
  int *tag_ = nullptr;
  void keepBuffer(const Pair &p) { kept_ = p.b; }
  void keepTag(const Pair &p) { tag_ = p.a; }
};
void intoParamObject(Sink &s) {
  int x = 0;
  s.keepBuffer(Pair{&x, nullptr}); // not reported
  s.keepTag(Pair{&x, nullptr}); // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 's' refers to{{.*}}[escape-member]
}

// --- Returned by value ----------------------------------------------------------

Pair makePair(int *a, char *b) { return {a, b}; }
Pair makePairNamed(int *a, char *b) { return Pair{a, b}; }

void returnedFields() {
  int x = 0;
  Pair p = makePair(&x, nullptr);
  gc = p.b; // not reported
  Pair q = makePairNamed(&x, nullptr);
  gc = q.b; // not reported
}

void returnedSameField() {
  int x = 0;
  Pair p = makePair(&x, nullptr);
  g = p.a; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

// The returned object's field is the caller's result.
int *firstOf(int *a) { return makePair(a, nullptr).a; }
char *secondOf(int *a) { return makePair(a, nullptr).b; }
void throughResultField() {
  int x = 0;
  gc = secondOf(&x); // not reported
  g = firstOf(&x); // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g'{{.*}}[escape-global]
}

// --- Aggregates with a base class ---------------------------------------------

struct Tag {};
struct Named : Tag {
  const char *name;
  const int &value;
};
const int *gi;
const char *gn;

void baseAggregateReference() {
  int v = 0;
  Named n{{}, "a", v};
  gi = &n.value; // CHECK: fields.cpp:[[@LINE]]:3: warning: address of local 'v' is stored in global 'gi'{{.*}}[escape-global]
}

Named makeNamed(const char *nm, const int &v) { return {{}, nm, v}; }
void baseAggregateOtherField() {
  int v = 0;
  Named n = makeNamed("a", v);
  gn = n.name; // not reported
}
