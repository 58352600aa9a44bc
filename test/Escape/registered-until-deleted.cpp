// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A queue's enqueue() makes a per-thread producer that subscribes a
// listener (holding the producer, which holds the queue) to a thread_local
// notifier; the producer's destructor, run by the queue's, unsubscribes
// it. A call on an object whose destructor does work, made by `new` and
// deleted later in the function, may be undone by that destructor: what
// it registers is a maybe, as for a call on a local. Not when the object
// is never deleted, or deleted first, nor when a local std::unique_ptr
// owns it (destroyed after the locals declared after it).

#include <vector>

struct Listener {
  void *user = nullptr;
  Listener *next = nullptr;
};

struct Notifier {
  Listener *tail = nullptr;
  static Notifier &instance() {
    static thread_local Notifier n;
    return n;
  }
  static void subscribe(Listener *l) {
    Notifier &n = instance();
    l->next = n.tail;
    n.tail = l;
  }
  static void unsubscribe(Listener *l) {
    Notifier &n = instance();
    Listener **prev = &n.tail;
    for (Listener *p = n.tail; p; p = p->next) {
      if (p == l) {
        *prev = p->next;
        break;
      }
      prev = &p->next;
    }
  }
};

struct Queue;
struct Producer {
  Queue *parent;
  Listener listener;
  std::vector<void *> items;
  explicit Producer(Queue *q) : parent(q) {
    listener.user = this;
    Notifier::subscribe(&listener);
  }
  ~Producer() { Notifier::unsubscribe(&listener); }
};

struct Queue {
  Producer *producer = nullptr;
  void enqueue(void *v) {
    if (!producer) producer = new Producer(this);
    producer->items.push_back(v);
  }
  ~Queue() { delete producer; }
};

bool deletedAfter() {
  Queue *q = new Queue;
  int i = 10;
  q->enqueue(&i);
  delete q; // the queue, its producer and the subscription end here
  return true;
}
#include <memory>
bool owned() {
  auto q = std::make_unique<Queue>();
  int i = 10;
  q->enqueue(&i); // CHECK: registered-until-deleted.cpp:[[@LINE]]:3: warning: address of local 'i' escapes to the heap (via 'Queue::enqueue' keeps it){{.*}}[escape-heap]
  // The queue itself, registered through its producer, is unregistered by
  // its destructor when 'q' dies: that is a maybe, hidden by default.
  return true;
}
bool neverDeleted() {
  Queue *q = new Queue;
  int i = 10;
  q->enqueue(&i); // CHECK: registered-until-deleted.cpp:[[@LINE]]:3: warning: address of local 'i' escapes to the heap (via 'Queue::enqueue' keeps it){{.*}}[escape-heap]
  return true;
}
bool deletedBefore() {
  Queue *q = new Queue;
  int i = 10;
  delete q;
  q->enqueue(&i); // CHECK: registered-until-deleted.cpp:[[@LINE]]:3: warning: address of local 'i' escapes to the heap (via 'Queue::enqueue' keeps it){{.*}}[escape-heap]
  return true;
}
