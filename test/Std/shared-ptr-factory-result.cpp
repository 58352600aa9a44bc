// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A factory returning a std::shared_ptr to an object it made and kept no
// copy of hands back a fresh object, as one returning a raw pointer or a
// std::unique_ptr does: a local shared_ptr that is its only owner destroys
// it, and what the object holds dies with it. A factory that keeps a copy
// (a registry) does not hand back a fresh object.

#include <functional>
#include <memory>
#include <vector>

struct Handle {
  std::function<void()> onEvent;
};

std::shared_ptr<Handle> makeHandle() { return std::make_shared<Handle>(); }

std::vector<std::shared_ptr<Handle>> registry;
std::shared_ptr<Handle> makeRegistered() {
  auto h = std::make_shared<Handle>();
  registry.push_back(h);
  return h;
}

bool onlyOwner() {
  auto h = makeHandle();
  bool flag = false;
  h->onEvent = [&flag] { flag = true; };
  h->onEvent();
  return flag;
}

bool keptByTheFactory() {
  auto h = makeRegistered();
  bool flag = false;
  h->onEvent = [&flag] { flag = true; }; // CHECK: shared-ptr-factory-result.cpp:[[@LINE]]:3: warning: lambda expression captures local 'flag' by reference and outlives it{{.*}}[escape-lambda-capture]
  return flag;
}

std::shared_ptr<Handle> copied;
bool copiedOut() {
  auto h = makeHandle();
  // Reported where the object leaves: the copy into the global.
  copied = h; // CHECK: shared-ptr-factory-result.cpp:[[@LINE]]:3: warning: lambda expression captures local 'flag' by reference and outlives it (sink {global copied}){{.*}}[escape-lambda-capture]
  bool flag = false;
  h->onEvent = [&flag] { flag = true; };
  return flag;
}
