// escape-global, escape-heap, escape-thread: addresses stored where they
// outlive the frame.
#include <thread>

struct Job {
  int id;
};

static Job *g_next = nullptr;

void setNext(Job *j) { g_next = j; }

void enqueue(int id) {
  Job j{id};
  setNext(&j); // escape-heap: the callee keeps it in a global
}

void enqueueHeap(int id) { setNext(new Job{id}); } // fine: heap object

void work(int *counter) { ++*counter; }

void startWorker() {
  int counter = 0;
  std::thread t(work, &counter);
  t.detach(); // escape-thread
}

void runWorker() {
  int counter = 0;
  std::thread t(work, &counter);
  t.join(); // fine: joined before 'counter' dies
}
