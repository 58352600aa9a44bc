// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Memory that an allocation function of the program hands out (a pool's
// `allocate()`, an `allocate_memory()` defined in another file) is fresh:
// an object placed in it is an allocation of the function that placed it,
// as with `new`, not the heap. A local's address stored in it escapes only
// if the object's own address reaches something that outlives the local
// (a global, the caller). A function returning memory whose name does not
// say that it allocates may hand out anything, and stays the heap.

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

// A pool of blocks recycled through a free list, as a scheduler's
// small-object pool.
struct Pool {
  struct Block {
    Block *next;
  };
  Block *head = nullptr;
  void *allocate(std::size_t n) {
    if (Block *b = head) {
      head = b->next;
      return b;
    }
    return std::malloc(n < 64 ? 64 : n);
  }
  void deallocate(void *p) {
    auto *b = static_cast<Block *>(p);
    b->next = head;
    head = b;
  }
};
Pool gPool;

// Defined in another file.
void *allocate_memory(std::size_t n);
void deallocate_memory(void *p);
// Hands out a buffer shared by every caller.
void *sharedBuffer();

struct Task {
  int *counter;
  explicit Task(int *c) : counter(c) {}
  void run() { ++*counter; }
};

int placedRunAndGivenBack() {
  int x = 0;
  Task *t = new (gPool.allocate(sizeof(Task))) Task(&x);
  t->run();
  t->~Task();
  gPool.deallocate(t);
  return x;
}

int placedInMemoryFromAnotherFile() {
  int x = 0;
  Task *t = new (allocate_memory(sizeof(Task))) Task(&x);
  t->run();
  t->~Task();
  deallocate_memory(t);
  return x;
}

Task *gPending;
void placedAndKept() {
  int x = 0;
  gPending = new (gPool.allocate(sizeof(Task))) Task(&x);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' is stored in global 'gPending'{{.*}}[escape-global]
}

void placedInMallocAndKept() {
  int x = 0;
  gPending = new (std::malloc(sizeof(Task))) Task(&x);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' is stored in global 'gPending'{{.*}}[escape-global]
}

Task *placedAndReturned() {
  int x = 0;
  Task *t = new (allocate_memory(sizeof(Task))) Task(&x);
  return t;
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' escapes to the caller{{.*}}[escape-return]
}

int placedInSharedBuffer() {
  int x = 0;
  Task *t = new (sharedBuffer()) Task(&x);
  // CHECK: [[@LINE-1]]:34: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
  t->run();
  return x;
}

// Work placed in pool memory by a helper and handed to a scheduler: the
// scheduler's wait runs it and gives it back to the pool.
struct Allocator {
  template <typename T, typename... A> T *make(A &&...a) {
    return new (gPool.allocate(sizeof(T))) T(static_cast<A &&>(a)...);
  }
};
struct Scheduler {
  Task *queue[16];
  int n = 0;
  void spawn(Task &t) { queue[n++] = &t; }
  void wait() {
    while (n > 0) {
      Task *t = queue[--n];
      t->run();
      t->~Task();
      gPool.deallocate(t);
    }
  }
};
Scheduler gScheduler;

void spawnedAndWaited() {
  int x = 0;
  Allocator a;
  gScheduler.spawn(*a.make<Task>(&x));
  gScheduler.wait();
}

void spawnedNotWaited() {
  int x = 0;
  Allocator a;
  gScheduler.spawn(*a.make<Task>(&x));
  // CHECK: [[@LINE-1]]:3: warning: address of local 'x' is stored in global 'gScheduler'{{.*}}[escape-global]
}

// A counted handle: the node destroys itself and gives its memory back when
// the last handle lets go (a pipeline's filter tree).
struct Node;
struct NodePtr {
  Node *node = nullptr;
  explicit NodePtr(Node *n);
  NodePtr(const NodePtr &o);
  NodePtr &operator=(const NodePtr &o);
  ~NodePtr();
};
struct Node {
  std::atomic<long> refs{0};
  virtual void run() const = 0;
  void addRef() { refs.fetch_add(1); }
  void removeRef() {
    if (refs.fetch_sub(1) == 1) {
      this->~Node();
      deallocate_memory(this);
    }
  }
  virtual ~Node() = default;
};
NodePtr::NodePtr(Node *n) : node(n) { node->addRef(); }
NodePtr::NodePtr(const NodePtr &o) : node(o.node) { node->addRef(); }
NodePtr &NodePtr::operator=(const NodePtr &o) {
  o.node->addRef();
  node->removeRef();
  node = o.node;
  return *this;
}
NodePtr::~NodePtr() { node->removeRef(); }

template <typename Body> struct Leaf : Node {
  const Body body;
  explicit Leaf(const Body &b) : body(b) {}
  void run() const override { body(); }
};
struct Filter {
  NodePtr root;
  template <typename Body>
  explicit Filter(const Body &b)
      : root(new(allocate_memory(sizeof(Leaf<Body>))) Leaf<Body>(b)) {}
};
void runPipeline(const Filter &f) { f.root.node->run(); }

int filterOfTheCall() {
  int counter = 0;
  runPipeline(Filter([&counter] { ++counter; }));
  return counter;
}

Filter *gFilter;
void filterKept() {
  int counter = 0;
  *gFilter = Filter([&counter] { ++counter; });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'counter' by reference and outlives it{{.*}}[escape-lambda-capture]
}
