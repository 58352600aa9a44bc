// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Scope guards: the constructor points a global at a stack object and the
// destructor undoes it before the object dies. Not an escape.

struct Context {
  int depth = 0;
};
Context *g_ctx = nullptr;

int currentDepth() { return g_ctx ? g_ctx->depth : -1; }

class SaveRestore {
public:
  explicit SaveRestore(Context *c) : saved_(g_ctx) { g_ctx = c; }
  ~SaveRestore() { g_ctx = saved_; }

private:
  Context *saved_;
};

int saveRestore() {
  Context local{3};
  SaveRestore guard(&local);
  return currentDepth();
}

// Destructor defined out of line.
class OutOfLine {
public:
  explicit OutOfLine(Context *c) : saved_(g_ctx) { g_ctx = c; }
  ~OutOfLine();

private:
  Context *saved_;
};
OutOfLine::~OutOfLine() { g_ctx = saved_; }

int outOfLineDestructor() {
  Context local{3};
  OutOfLine guard(&local);
  return currentDepth();
}

// Destructor clears instead of restoring.
class Clearing {
public:
  explicit Clearing(Context *c) { g_ctx = c; }
  ~Clearing() { g_ctx = nullptr; }
};

int clearingGuard() {
  Context local{3};
  Clearing guard(&local);
  return currentDepth();
}

// Guard and object in an inner block.
int innerBlock() {
  int r = 0;
  {
    Context local{1};
    Clearing guard(&local);
    r = currentDepth();
  }
  return r;
}

// --- Escapes: no guard, or a guard that never runs its destructor --------------

int noGuard() {
  Context local{3};
  g_ctx = &local; // CHECK: raii-guard.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'g_ctx'; 'local' dangles when 'noGuard' returns [escape-global]
  return currentDepth();
}

// The guard lives on the heap and is never destroyed: g_ctx keeps &local.
SaveRestore *g_leakedGuard;
void guardOnHeap() {
  Context local{3};
  g_leakedGuard = new SaveRestore(&local); // CHECK: raii-guard.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global{{.*}}'local' dangles when 'guardOnHeap' returns [escape-global]
}

// The same with the Clearing guard: the heap guard's destructor never runs,
// so g_ctx keeps &local.
Clearing *g_leakedClearing;
void clearingGuardOnHeap() {
  Context local{3};
  g_leakedClearing = new Clearing(&local); // CHECK: raii-guard.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'g_leakedClearing'{{.*}}[escape-global]
}
Clearing *clearingGuardReturned() {
  Context local{3};
  return new Clearing(&local); // CHECK: raii-guard.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

// A "guard" whose destructor does not undo the store.
class NoRestore {
public:
  explicit NoRestore(Context *c) { g_ctx = c; }
};
int guardWithoutRestore() {
  Context local{3};
  NoRestore guard(&local); // CHECK: raii-guard.cpp:[[@LINE]]:13: warning: address of local 'local' is stored in global 'g_ctx' (via 'NoRestore::NoRestore'); 'local' dangles when 'guardWithoutRestore' returns [escape-global]
  return currentDepth();
}

// A guard object whose destructor does work may undo what its constructor
// stored (RAII registration): only a maybe, not reported by default.

// The guard saves and restores a field of a global struct.
struct State {
  Context *ctx = nullptr;
  int flags = 0;
};
State g_state;
class FieldGuard {
public:
  explicit FieldGuard(Context *c) : saved_(g_state.ctx) { g_state.ctx = c; }
  ~FieldGuard() { g_state.ctx = saved_; }

private:
  Context *saved_;
};
int fieldGuard() {
  Context local{1};
  FieldGuard guard(&local);
  return g_state.ctx->depth;
}

// Constructor and destructor go through a helper that sets the global.
class ViaHelper {
public:
  explicit ViaHelper(Context *c) { set(c); }
  ~ViaHelper() { set(nullptr); }
  static void set(Context *c) { g_ctx = c; }
};
int helperGuard() {
  Context local{1};
  ViaHelper guard(&local);
  return currentDepth();
}

// A generic guard over a reference to the slot (restores the old value in
// its destructor).
template <class T> class Scoped {
public:
  Scoped(T *&slot, T *v) : slot_(slot), old_(slot) { slot_ = v; }
  ~Scoped() { slot_ = old_; }

private:
  T *&slot_;
  T *old_;
};
int genericGuard() {
  Context local{1};
  Scoped<Context> guard(g_ctx, &local);
  return currentDepth();
}
