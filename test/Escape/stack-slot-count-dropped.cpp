// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// A hand-rolled stack of waiters: an array and a live count. A thread puts
// the address of its local event in the slot the count indexes, counts it,
// waits, then finds its slot and gives it up by decrementing the count
// (asyncplusplus' thread pool): the slot is not cleared, the count says it
// is dead. Which slot a decrement gives up is not tracked, so the store is
// a maybe, not a fact either way. Without a later decrement of the count
// the index was read from, the slot keeps the address.

#include <atomic>
#include <cstddef>
#include <memory>

struct Event {
  int signalled = 0;
  void wait();
};

struct Pool {
  std::atomic<std::size_t> numWaiters{0};
  std::unique_ptr<Event *[]> waiters{new Event *[8]};
  Event *fixed[8];
  std::size_t count = 0;
};

void waitForWork(Pool *impl) {
  Event event;
  std::size_t n = impl->numWaiters.load(std::memory_order_relaxed);
  impl->waiters[n] = &event; // MAYBE: stack-slot-count-dropped.cpp:[[@LINE]]:3: warning: address of local 'event' {{.*}}
  impl->numWaiters.store(n + 1, std::memory_order_relaxed);
  event.wait();
  n = impl->numWaiters.load(std::memory_order_relaxed);
  for (std::size_t i = 0; i < n; i++)
    if (impl->waiters[i] == &event) {
      if (i != n - 1) {
        Event *t = impl->waiters[i];
        impl->waiters[i] = impl->waiters[n - 1];
        impl->waiters[n - 1] = t;
      }
      impl->numWaiters.store(n - 1, std::memory_order_relaxed);
      break;
    }
}

// A plain array and an integer count, popped with `--`.
void pushedAndPopped(Pool *impl) {
  Event event;
  std::size_t n = impl->count;
  impl->fixed[n] = &event; // MAYBE: stack-slot-count-dropped.cpp:[[@LINE]]:3: warning: address of local 'event' {{.*}}
  impl->count = n + 1;
  event.wait();
  --impl->count;
}

// --- Reported ------------------------------------------------------------

// Counted but never given up.
void pushedOnly(Pool *impl) {
  Event event;
  std::size_t n = impl->numWaiters.load(std::memory_order_relaxed);
  impl->waiters[n] = &event; // CHECK: stack-slot-count-dropped.cpp:[[@LINE]]:3: warning: address of local 'event' {{.*}}
  impl->numWaiters.store(n + 1, std::memory_order_relaxed);
  event.wait();
}

// Another count decremented: not the one the slot was indexed by.
void otherCountDropped(Pool *impl) {
  Event event;
  std::size_t n = impl->numWaiters.load(std::memory_order_relaxed);
  impl->waiters[n] = &event; // CHECK: stack-slot-count-dropped.cpp:[[@LINE]]:3: warning: address of local 'event' {{.*}}
  impl->numWaiters.store(n + 1, std::memory_order_relaxed);
  event.wait();
  --impl->count;
}

// The count decremented before the store, not after.
void droppedBefore(Pool *impl) {
  Event event;
  std::size_t n = impl->count;
  --impl->count;
  impl->fixed[n] = &event; // CHECK: stack-slot-count-dropped.cpp:[[@LINE]]:3: warning: address of local 'event' {{.*}}
  event.wait();
}
