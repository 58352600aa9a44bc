// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++17 | FileCheck %s --check-prefix=MAYBE

// A local node linked into another object's list by direct stores
// (`r->tail->next = &ctx; r->tail = &ctx;`), then, later in the same
// block and before any exit, a call on that object that writes the
// members stored into and is given nothing it could link in instead (a
// pop): the node is probably unlinked by then. Which node the pop removes
// is not proved, so the store is a maybe (`--report-maybe`), as a call's
// push before a pop is.

struct Ctx {
  int id;
  Ctx *next;
};
struct Result {
  Ctx root{0, nullptr};
  Ctx *tail = &root;
  void pop() {
    Ctx *last = &root;
    while (last->next != nullptr && last->next->next != nullptr)
      last = last->next;
    tail = last;
    last->next = nullptr;
  }
  void push(Ctx *c) {
    tail->next = c;
    tail = c;
  }
  int count() const {
    int n = 0;
    for (const Ctx *c = root.next; c; c = c->next)
      ++n;
    return n;
  }
};
bool check(int v) noexcept { return v > 0; }

struct Test {
  Result *result_;
  bool ok = true;
  void pushPop(int v) {
    Ctx ctx = {1, nullptr};
    result_->tail->next = &ctx;
    // MAYBE: [[@LINE+1]]:5: warning: address of local 'ctx' {{.*}}
    result_->tail = &ctx;
    ok = check(v);
    result_->pop();
  }
  void pushOnly(int v) {
    Ctx ctx = {1, nullptr};
    result_->tail->next = &ctx;
    // CHECK: [[@LINE+1]]:5: warning: address of local 'ctx' {{.*}}
    result_->tail = &ctx;
    ok = check(v);
  }
  // Only reading the list does not unlink.
  void pushCount(int v) {
    Ctx ctx = {v, nullptr};
    result_->tail->next = &ctx;
    // CHECK: [[@LINE+1]]:5: warning: address of local 'ctx' {{.*}}
    result_->tail = &ctx;
    ok = result_->count() > 0;
  }
  // A later push writes the same members but links another node in.
  void pushPush(Ctx *other) {
    Ctx ctx = {1, nullptr};
    result_->tail->next = &ctx;
    // CHECK: [[@LINE+1]]:5: warning: address of local 'ctx' {{.*}}
    result_->tail = &ctx;
    result_->push(other);
  }
  // An exit between the link and the pop leaves the node linked.
  void pushReturnPop(int v) {
    Ctx ctx = {1, nullptr};
    result_->tail->next = &ctx;
    // CHECK: [[@LINE+1]]:5: warning: address of local 'ctx' {{.*}}
    result_->tail = &ctx;
    if (!check(v))
      return;
    result_->pop();
  }
};
