// The release rule (test/Interproc/released-later.cpp) where the later call
// works on a member of the object the first call was given
// (`CreateSchema(...)` on `this`, then `schemaRef_.ShrinkToFit()`), and the
// first call reads, in a branch, a pointer declared in the branch's
// condition (`else if (const V *v = p.Get(doc)) CreateSchema(p, *v);`): it
// reads what the pointer holds, not its address, so the pointer's death
// before the later call does not matter. rapidjson's GenericSchemaDocument
// pushes the address of a default-argument temporary on its ref stack and
// empties the stack before the constructor returns; its unit tests assert,
// with a macro that throws, in between.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <cstdlib>
#include <new>

// An assertion that throws (rapidjson's unit tests): an error path, not an
// exit between the two calls.
#define ASSERT_THAT(x) (!(x) ? throw 0 : (void)0)

struct Stack {
  char *base_ = nullptr, *top_ = nullptr, *end_ = nullptr;
  template <class T> T *Push() {
    if (top_ + sizeof(T) > end_) {
      std::size_t used = top_ - base_, cap = (end_ - base_) * 2 + 64;
      base_ = static_cast<char *>(std::realloc(base_, cap));
      top_ = base_ + used;
      end_ = base_ + cap;
    }
    T *r = reinterpret_cast<T *>(top_);
    top_ += sizeof(T);
    return r;
  }
  void ShrinkToFit() {
    if (top_ == base_) {
      std::free(base_);
      base_ = top_ = end_ = nullptr;
    }
  }
  int Count() const { return int(top_ - base_); }
  ~Stack() { std::free(base_); }
};

struct Pointer {
  int tokens = 0;
  const char *name = nullptr;
  const int *Get(const int *doc) const { return tokens ? doc : nullptr; }
};

struct SchemaDocument {
  Stack refs_;
  int root_ = 0;
  int depth_ = 0;
  SchemaDocument(const int *doc, const Pointer &pointer = Pointer()) {
    if (pointer.tokens == 0)
      root_ = *doc;
    else if (const int *v = pointer.Get(doc))
      Create(pointer, *v);
    ASSERT_THAT(root_ >= 0);
    refs_.ShrinkToFit();
  }
  SchemaDocument(const int *doc, char thrown,
                 const Pointer &pointer = Pointer()) {
    if (const int *v = pointer.Get(doc))
      Create(pointer, *v);
    if (root_ < 0)
      throw root_;
    refs_.ShrinkToFit();
  }
  SchemaDocument(const int *doc, bool measure,
                 const Pointer &pointer = Pointer()) {
    if (const int *v = pointer.Get(doc))
      Create(pointer, *v);
    depth_ = refs_.Count();
  }
  SchemaDocument(const int *doc, int other,
                 const Pointer &pointer = Pointer()) {
    if (const int *v = pointer.Get(doc))
      Create(pointer, *v);
    Stack spare;
    spare.ShrinkToFit();
  }
  void Create(const Pointer &source, int value) {
    root_ = value;
    new (refs_.Push<const Pointer *>()) const Pointer *(&source);
  }
};

// The stack shrunk after the branches: a maybe, which escape-scope does not
// report.
int shrunk(const int *doc) {
  SchemaDocument s(doc);
  return s.root_;
}

// A `throw` of its own between the two calls.
int thrown(const int *doc) {
  SchemaDocument s(doc, 'x');
  // CHECK: released-later-member.cpp:[[@LINE-1]]:18: warning: temporary 'Pointer' {{.*}}[escape-scope]
  return s.root_;
}

// A later call on the member that only reads it.
int counted(const int *doc) {
  SchemaDocument s(doc, true);
  // CHECK: released-later-member.cpp:[[@LINE-1]]:18: warning: temporary 'Pointer' {{.*}}[escape-scope]
  return s.root_;
}

// A later call on another object.
int otherShrunk(const int *doc) {
  SchemaDocument s(doc, 1);
  // CHECK: released-later-member.cpp:[[@LINE-1]]:18: warning: temporary 'Pointer' {{.*}}[escape-scope]
  return s.root_;
}

// The address of the condition's own variable, dead by the later call.
struct Keeper {
  Stack refs_;
  void Keep(const int *const &slot) {
    new (refs_.Push<const int *const *>()) const int *const *(&slot);
  }
  void Run(const int *doc, bool c) {
    if (const int *v = c ? doc : nullptr)
      Keep(v);
    // CHECK: released-later-member.cpp:[[@LINE-1]]:7: warning: {{.*}}'v'{{.*}}[escape-member]
    refs_.ShrinkToFit();
  }
};
