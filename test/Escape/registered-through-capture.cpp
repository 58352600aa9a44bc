// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE

// A task set links each task's heap node back to the set and destroys its
// nodes in its destructor. What a call on a local with such a destructor
// registers, the destructor may take back: a maybe. The same holds for a
// call on that local made inside a lambda that captured it by reference
// (a task adding the next task to its own set).

#include <functional>
#include <utility>

struct Task {
  Task *next;
  Task **prev;
};
class TaskSet;
// The node allocator is not seen.
Task *appendTask(std::function<void()> &&f, TaskSet &owner);
void destroyTasks(Task *t);

struct ErrorHandler {
  virtual void failed() = 0;
};
struct Logger : ErrorHandler {
  void failed() override {}
};

class TaskSet {
public:
  explicit TaskSet(ErrorHandler &eh) : handler(eh) {}
  ~TaskSet() { destroyTasks(tasks); }
  void add(std::function<void()> &&f) {
    Task *task = appendTask(std::move(f), *this);
    task->next = tasks;
    task->prev = &tasks;
    tasks = task;
  }

private:
  ErrorHandler &handler;
  Task *tasks = nullptr;
};

void addedDirectly() {
  Logger log;
  TaskSet tasks(log);
  tasks.add([] {});
}

void addedByATask() {
  Logger log;
  TaskSet tasks(log);
  tasks.add([&] { tasks.add([] {}); });
  // MAYBE: registered-through-capture.cpp:[[@LINE-1]]:13: warning: lambda expression captures local 'log' by reference and outlives it{{.*}}(maybe: {{.*}}[escape-lambda-capture]
}

// A set without a destructor releases nothing: its back-link stays.
class Leaky {
public:
  void add(std::function<void()> &&f) {
    Task *task = appendTask(std::move(f), *reinterpret_cast<TaskSet *>(this));
    task->prev = &tasks;
    tasks = task;
  }

private:
  Task *tasks = nullptr;
};

void leakyAddedByATask() {
  Leaky set;
  set.add([&] { set.add([] {}); }); // CHECK: registered-through-capture.cpp:[[@LINE]]:11: warning: lambda expression captures local 'set' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
}
