// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A global overwritten later in the block never holds a local's address
// once the frame is gone ("set, use, clear"). A temporary dies at the end
// of its own full-expression: the global dangles from there until the next
// store, so that store does not undo the first.

struct Buffer {
  Buffer();
  const char *bytes() const [[clang::lifetimebound]];
};

const char *g_current;

void fromTemporaryThenReset() {
  g_current = Buffer().bytes(); // CHECK: global-temporary-overwritten.cpp:[[@LINE]]:3: warning: temporary 'Buffer' is stored in global 'g_current'; it is destroyed at the end of the full-expression [escape-global]
  g_current = nullptr;
}

void fromLocalThenReset() {
  Buffer local;
  g_current = local.bytes();
  g_current = nullptr;
}

void fromLocalThenTemporary() {
  Buffer local;
  g_current = local.bytes();
  g_current = Buffer().bytes(); // CHECK: global-temporary-overwritten.cpp:[[@LINE]]:3: warning: temporary 'Buffer' is stored in global 'g_current'; it is destroyed at the end of the full-expression [escape-global]
}
