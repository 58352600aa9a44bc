// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in google/leveldb (db/db_test.cc, DBTest.Randomized): 'ModelDB model'
// is a stack object; 'model.Put()' is 'DB::Put', a non-virtual base method
// that calls the virtual 'Write' on 'this'. Every overrider in the run is
// used, including 'DBImpl::Write', which hands 'this' to a background thread,
// so the local 'model' was reported (escape-heap and escape-thread) although
// its dynamic type is known to be 'ModelDB', whose 'Write' keeps nothing.
// An inherited method called on a local of a polymorphic class is now
// lowered again for that class.

struct Base {
  virtual ~Base() = default;
  virtual void write(int *batch) = 0;
  void put() {
    int batch = 0;
    write(&batch);
  }
};

Base *g_keeper;
struct Keeper : Base {
  void write(int *) override { g_keeper = this; }
};

struct Model : Base {
  int count = 0;
  void write(int *b) override { count += *b; }
};

// Through a chain of inherited methods on 'this'.
struct Chain : Base {
  void twice() {
    put();
    put();
  }
};
struct ChainModel : Chain {
  int count = 0;
  void write(int *b) override { count += *b; }
};
struct ChainKeeper : Chain {
  void write(int *) override { g_keeper = this; }
};

// Not reported: 'm' is a 'Model'; 'this->write' can only be
// 'Model::write'. 'Base::put' is lowered again for a 'this' of class
// 'Model' (and 'Chain::twice' for 'ChainModel').
int localModel() {
  Model m;
  m.put();
  ChainModel c;
  c.twice();
  return m.count + c.count;
}

// The overrider that keeps 'this', on a local of that type: reported,
// correctly.
void localKeeper() {
  Keeper k;
  k.put(); // CHECK: virtual-call-on-local.cpp:[[@LINE]]:3: warning: address of local 'k' {{.*}}[escape-
  ChainKeeper c;
  c.twice(); // CHECK: virtual-call-on-local.cpp:[[@LINE]]:3: warning: address of local 'c' {{.*}}[escape-
}

// A direct non-virtual call of the harmless overrider: not reported.
int directModel() {
  Model m;
  int b = 1;
  m.Model::write(&b);
  return m.count;
}

// Through a reference the dynamic type is not known: every overrider.
void throughReference(Base &b) { b.put(); }

