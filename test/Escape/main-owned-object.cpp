// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// An object owned by a smart pointer of main's outermost block lives until
// the program exits, as a plain local there does: registered in a global,
// it outlives every use but those of static destructors. One owned by a
// smart pointer of a nested block or a loop dies before main returns.

#include <memory>

struct Manager {
  virtual ~Manager() = default;
  virtual void start() {}
};
Manager *gManager = nullptr;
void registerManager(Manager *m) { gManager = m; }
void run() {
  if (gManager)
    gManager->start();
}

int main() {
  Manager plain;
  registerManager(&plain);
  auto owned = std::make_unique<Manager>();
  registerManager(owned.get());
  run();
  {
    auto inner = std::make_unique<Manager>();
    registerManager(inner.get()); // CHECK: main-owned-object.cpp:[[@LINE]]:5: warning: the object owned by local smart pointer 'inner' {{.*}}(sink {global gManager}){{.*}}[escape-global]
    // CHECK-NEXT: main-owned-object.cpp:[[@LINE-2]]:18: note: made here: std::make_unique<Manager>
  }
  for (int i = 0; i < 2; ++i) {
    std::unique_ptr<Manager> each(new Manager);
    registerManager(each.get()); // CHECK: main-owned-object.cpp:[[@LINE]]:5: warning: the object owned by local smart pointer 'each' {{.*}}(sink {global gManager}){{.*}}[escape-global]
  }
  run();
}
