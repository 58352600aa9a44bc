// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,NOMODEL --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --models=%S/Inputs/waits-model.json %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Work handed to an executor owned through a shared_ptr, which a guard of the
// same block shuts down at its end (`Shutdowner guard(ex);`): the guard dies
// before every local declared before it, so their addresses in the work do
// not outlive them. The executor keeps its work where the analysis cannot see
// it end (a thread_local queue), so without the guard it is an escape.

#include <deque>
#include <functional>
#include <memory>

struct Executor {
  virtual ~Executor() = default;
  virtual void enqueue(std::function<void()> f) = 0;
  virtual void shutdown() = 0;
  virtual void stop_all() = 0;
};

extern thread_local std::deque<std::function<void()>> *tl_queue;

struct Pool final : Executor {
  void enqueue(std::function<void()> f) override {
    tl_queue->push_back(std::move(f));
  }
  void shutdown() override;
  void stop_all() override;
};

struct Shutdowner {
  std::shared_ptr<Executor> ex;
  explicit Shutdowner(std::shared_ptr<Executor> e) : ex(std::move(e)) {}
  ~Shutdowner() { ex->shutdown(); }
};

// A destructor that does not wait: not a guard.
struct Holder {
  std::shared_ptr<Executor> ex;
  explicit Holder(std::shared_ptr<Executor> e) : ex(std::move(e)) {}
  ~Holder() { ex.reset(); }
};

int use(int &);

void guardedBefore() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  Shutdowner guard(executor);
  executor->enqueue([&observer] { use(observer); });
}

void guardedAfter() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  executor->enqueue([&observer] { use(observer); });
  Shutdowner guard(executor);
}

// What the work copies may be declared after the guard.
void copiesAfterGuard() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  Shutdowner guard(executor);
  auto counter = std::make_shared<int>(0);
  constexpr int times = 3;
  executor->enqueue([&observer, counter] { use(observer) + times + *counter; });
}

void unguarded() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  executor->enqueue([&observer] { use(observer); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'observer' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
}

// The guard dies after 'observer', which is declared after it.
void observerAfterGuard() {
  auto executor = std::make_shared<Pool>();
  Shutdowner guard(executor);
  int observer = 0;
  executor->enqueue([&observer] { use(observer); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'observer' by reference{{.*}}[escape-lambda-capture]
}

// A return between the hand-off and the guard skips the guard.
void exitBeforeGuard(bool c) {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  executor->enqueue([&observer] { use(observer); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'observer' by reference{{.*}}[escape-lambda-capture]
  if (c)
    return;
  Shutdowner guard(executor);
}

void notAGuard() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  Holder holder(executor);
  executor->enqueue([&observer] { use(observer); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'observer' by reference{{.*}}[escape-lambda-capture]
}

// A guard of another executor.
void otherExecutor() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  auto other = std::make_shared<Pool>();
  Shutdowner guard(other);
  executor->enqueue([&observer] { use(observer); });
  // CHECK: [[@LINE-1]]:3: warning: lambda expression captures local 'observer' by reference{{.*}}[escape-lambda-capture]
}

// A library's own wait, named in a model file ("waits": true).
void stoppedByModel() {
  int observer = 0;
  auto executor = std::make_shared<Pool>();
  executor->enqueue([&observer] { use(observer); });
  // NOMODEL: [[@LINE-1]]:3: warning: lambda expression captures local 'observer' by reference{{.*}}[escape-lambda-capture]
  executor->stop_all();
}
