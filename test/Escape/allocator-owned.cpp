// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An object made by the program's own allocator (placement new into memory
// it hands out) and destroyed by its owner's destructor through that
// allocator (`allocator->destroy(worker)`: `p->~T()` then the memory back),
// or elements constructed in place and destroyed by the owner
// (`elements[i].~T()`, marl's containers::vector), are owned like an object
// made with new and deleted: a store into them is a store into the owner,
// an escape only if the owner can outlive the local.

#include <cstdlib>
#include <deque>
#include <functional>
#include <memory>
#include <new>

struct Allocator {
  void *allocate(size_t n) { return std::malloc(n); }
  void free(void *p) { std::free(p); }
  template <typename T> T *create() { return new (allocate(sizeof(T))) T(); }
  template <typename T> void destroy(T *p) {
    p->~T();
    free(p);
  }
};
Allocator gAllocator;

struct Worker {
  std::deque<std::function<void()>> q;
  void enqueue(std::function<void()> f) { q.push_back(std::move(f)); }
};

// Owns its worker: the destructor destroys it through the allocator.
struct Scheduler {
  Allocator *allocator = &gAllocator;
  Worker *worker = allocator->create<Worker>();
  Worker *spare = allocator->create<Worker>();
  ~Scheduler() { allocator->destroy(worker); }
  void enqueue(std::function<void()> f) { worker->enqueue(std::move(f)); }
  // Not destroyed by the destructor: not owned.
  void enqueueSpare(std::function<void()> f) { spare->enqueue(std::move(f)); }
};

int use(int &);

void ownerDiesFirst() {
  int x = 0;
  auto scheduler = std::make_unique<Scheduler>();
  scheduler->enqueue([&x] { use(x); });
}

Scheduler *gScheduler;
void ownerOutlives() {
  int x = 0;
  gScheduler->enqueue([&x] { use(x); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
}

void notOwned() {
  int x = 0;
  auto scheduler = std::make_unique<Scheduler>();
  scheduler->enqueueSpare([&x] { use(x); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
}

// Elements placed in memory from an allocator interface and destroyed one
// by one by the destructor; the memory goes back through another field.
struct Allocation {
  void *ptr = nullptr;
};
struct AllocatorBase {
  virtual Allocation allocate(size_t n) = 0;
  virtual void release(const Allocation &) = 0;
};
struct Malloc : AllocatorBase {
  Allocation allocate(size_t n) override { return {std::malloc(n)}; }
  void release(const Allocation &a) override { std::free(a.ptr); }
} gMalloc;

template <typename T> struct Vec {
  AllocatorBase *allocator = &gMalloc;
  Allocation allocation;
  T *elements = nullptr;
  size_t count = 0;
  ~Vec() {
    for (size_t i = 0; i < count; i++)
      elements[i].~T();
    allocator->release(allocation);
  }
  void emplace_back(T &&el) {
    if (!elements) {
      allocation = allocator->allocate(sizeof(T) * 8);
      elements = static_cast<T *>(allocation.ptr);
    }
    new (&elements[count++]) T(std::move(el));
  }
};

// Keeps its elements without destroying them: not owned.
template <typename T> struct Leaky {
  T *elements = static_cast<T *>(std::malloc(sizeof(T) * 8));
  size_t count = 0;
  void emplace_back(T &&el) { new (&elements[count++]) T(std::move(el)); }
};

struct Graph {
  Vec<std::function<void()>> nodes;
  Leaky<std::function<void()>> leaky;
};

void vectorOwnerDiesFirst() {
  int x = 0;
  auto graph = std::make_unique<Graph>();
  graph->nodes.emplace_back([&x] { use(x); });
}

Graph gGraph;
void vectorOwnerOutlives() {
  int x = 0;
  gGraph.nodes.emplace_back([&x] { use(x); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {global gGraph}){{.*}}[escape-lambda-capture]
}

void leakyElements() {
  int x = 0;
  auto graph = std::make_unique<Graph>();
  graph->leaky.emplace_back([&x] { use(x); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
}
