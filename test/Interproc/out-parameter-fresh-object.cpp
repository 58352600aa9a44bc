// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A function that creates an object and hands it back through an
// out-parameter (`*handle = new Queue;`, a C API's `create(&handle)`)
// gives the caller a fresh object, as `new` written in the caller would:
// a local's address stored in it escapes only if the object itself reaches
// something that outlives the local. An out-parameter given an object the
// callee keeps elsewhere too (a registry) is not fresh.

struct Queue {
  int *items[8];
  int n = 0;
  void push(int *p) { items[n++] = p; }
};
typedef void *Handle;

int create(Handle *handle) {
  Queue *q = new Queue;
  *handle = q;
  return 1;
}
void destroy(Handle handle) { delete static_cast<Queue *>(handle); }
void enqueue(Handle handle, int *value) {
  static_cast<Queue *>(handle)->push(value);
}

void createdUsedAndDestroyed() {
  Handle handle;
  create(&handle);
  int i = 10;
  enqueue(handle, &i);
  destroy(handle);
}

// The same through a reference to a pointer.
void createInto(Queue *&out) { out = new Queue; }
void createdThroughReference() {
  Queue *q = nullptr;
  createInto(q);
  int i = 10;
  q->push(&i);
  delete q;
}

// The created object kept in a global by the caller: the local's address
// outlives it.
Handle gHandle;
void createdAndPublished() {
  create(&gHandle);
  int i = 10;
  enqueue(gHandle, &i);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'i' {{.*}}
}

// The callee registers the object too: not fresh, anything may reach it.
Queue *gRegistry[4];
int gCount;
void createRegistered(Handle *handle) {
  Queue *q = new Queue;
  gRegistry[gCount++] = q;
  *handle = q;
}
void createdRegistered() {
  Handle handle;
  createRegistered(&handle);
  int i = 10;
  enqueue(handle, &i);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'i' escapes to the heap{{.*}}[escape-heap]
}

// A pointer to the caller's own object handed back: no fresh object, the
// caller's store lands in it as before.
Queue gQueue;
void lookUp(Queue **out) { *out = &gQueue; }
void lookedUp() {
  Queue *q;
  lookUp(&q);
  int i = 10;
  q->push(&i);
  // CHECK: [[@LINE-1]]:3: warning: address of local 'i' escapes to the heap{{.*}}[escape-heap]
}
