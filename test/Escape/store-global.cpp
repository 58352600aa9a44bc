// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Settings {
  const int *verbosity = nullptr;
  int retries = 3;
};
Settings g_settings;
const char *g_last = "";
int g_default = 1;

void storeField(bool quiet) {
  int level = quiet ? 0 : 2;
  g_settings.verbosity = &level; // CHECK: store-global.cpp:[[@LINE]]:3: warning: address of local 'level' is stored in global 'g_settings'{{.*}}[escape-global]
}

void storeGlobalAddress() { g_settings.verbosity = &g_default; }

struct Logger {
  static const char *prefix;
};
const char *Logger::prefix = "[app]";

void storeStatic() {
  char local[16] = "[mod]";
  Logger::prefix = local; // CHECK: store-global.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'prefix'{{.*}}[escape-global]
}

void storeStaticLocal() {
  static const int *keep;
  int x = 0;
  keep = &x; // CHECK: store-global.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in static 'keep'{{.*}}[escape-global]
}

// Set, use, clear: the global points at the local only while it lives.
int current() { return g_settings.verbosity ? *g_settings.verbosity : -1; }
int storeThenClear() {
  int level = 3;
  g_settings.verbosity = &level;
  int v = current();
  g_settings.verbosity = nullptr;
  return v;
}

// An early return between the store and the clear leaves it dangling.
int storeReturnClear(bool early) {
  int level = 3;
  g_settings.verbosity = &level; // CHECK: store-global.cpp:[[@LINE]]:3: warning: address of local 'level'{{.*}}[escape-global]
  if (early)
    return 0;
  g_settings.verbosity = nullptr;
  return 1;
}

void literalIsFine(int code) { g_last = code == 1 ? "one" : "other"; }

// A local of main's outermost block lives until the program exits; one of
// a nested block does not.
int *gMainSlot;
int main() {
  int whole = 0;
  gMainSlot = &whole;
  {
    int inner = 0;
    gMainSlot = &inner; // CHECK: store-global.cpp:[[@LINE]]:5: warning: address of local 'inner' is stored in global 'gMainSlot'; 'inner' dangles when 'main' returns [escape-global]
  }
  return *gMainSlot;
}

// A function-local static reference bound to a parameter keeps its address;
// bound to a global, nothing.
int staticReference(int k) {
  static int &r = k; // CHECK: store-global.cpp:[[@LINE]]:15: warning: address of parameter 'k' is stored in static 'r'; 'k' dangles when 'staticReference' returns [escape-global]
  return r;
}
int staticReferenceToGlobal() {
  static int &r = g_default;
  return r;
}
