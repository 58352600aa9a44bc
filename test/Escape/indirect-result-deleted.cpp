// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An object handed back through a function pointer (a test registry's
// factories, jsoncpp's JsonTest::Runner::runTestAt) and deleted by the
// function is owned by it, as one it made with `new`: a local's address
// stored into it escapes only if the object itself reaches something that
// outlives the local. Not deleted, it may be anyone's.

struct Result {
  int failures = 0;
};
struct Case {
  Result *result_ = nullptr;
  virtual ~Case() {}
  void run(Result &r) {
    result_ = &r;
    body();
  }
  virtual void body() { ++result_->failures; }
};
Case *makeCase() { return new Case; }
using Factory = Case *(*)();

struct Runner {
  Factory factories_[1] = {&makeCase};
  void runDeleted(unsigned i, Result &r) const {
    Case *c = factories_[i]();
    c->run(r);
    delete c;
  }
  // Not deleted: the object may be anyone's.
  void runKept(unsigned i, Result &r) const {
    Case *c = factories_[i]();
    c->run(r);
  }
  // Deleted on one path, leaked on the other: nothing can read it there, as
  // for a `new` written here (test/Interproc/factory-fresh-object.cpp).
  void runDeletedSometimes(unsigned i, Result &r, bool quick) const {
    Case *c = factories_[i]();
    c->run(r);
    if (quick)
      return;
    delete c;
  }
  int all() const {
    int n = 0;
    for (unsigned i = 0; i < 1; ++i) {
      Result result;
      runDeleted(i, result);
      n += result.failures;
    }
    for (unsigned i = 0; i < 1; ++i) {
      Result result;
      // CHECK: [[@LINE+1]]:7: warning: address of local 'result' escapes to the heap (via 'Runner::runKept' keeps it)
      runKept(i, result);
      n += result.failures;
    }
    for (unsigned i = 0; i < 1; ++i) {
      Result result;
      runDeletedSometimes(i, result, n > 0);
      n += result.failures;
    }
    return n;
  }
};
