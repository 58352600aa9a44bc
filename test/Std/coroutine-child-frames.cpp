// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A recursive generator links a child coroutine's promise and its own
// (`root->leaf = child.p; child.p->parent = this;`). The promise's
// constructor points its root at itself, and the child's frame is owned by
// the generator object holding it (its destructor destroys the frame): the
// links stay inside frames that the parent outlives.
#include <coroutine>

struct Gen {
  struct promise_type {
    promise_type *root;
    promise_type *leaf;
    promise_type *parent = nullptr;
    const int *value = nullptr;
    promise_type() : root(this), leaf(this) {}
    Gen get_return_object() { return Gen{this}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_always yield_value(const int &v) {
      value = &v;
      return {};
    }
    std::suspend_always yield_value(Gen &&child) {
      if (child.p) {
        root->leaf = child.p;
        child.p->root = root;
        child.p->parent = this;
      }
      return {};
    }
    void destroy() {
      std::coroutine_handle<promise_type>::from_promise(*this).destroy();
    }
  };
  promise_type *p;
  explicit Gen(promise_type *p) : p(p) {}
  Gen(Gen &&o) : p(o.p) { o.p = nullptr; }
  ~Gen() {
    if (p)
      p->destroy();
  }
};

Gen range(int b, int e) {
  if (e - b <= 1) {
    for (int i = b; i < e; ++i)
      co_yield i;
  } else {
    int m = (b + e) / 2;
    co_yield range(b, m);
    co_yield range(m, e);
  }
}

// A child frame nobody owns (a raw promise pointer, no destructor): the
// link to the parent outlives the parent.
struct Loose {
  struct promise_type {
    promise_type *parent = nullptr;
    Loose get_return_object() { return Loose{this}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_always yield_value(Loose &&child) {
      child.p->parent = this;
      return {};
    }
  };
  promise_type *p;
};
Loose leak(int n) {
  if (n > 0)
    co_yield leak(n - 1); // CHECK: coroutine-child-frames.cpp:[[@LINE]]:5: warning: address of local '__promise' escapes to the heap{{.*}}[escape-heap]
}
