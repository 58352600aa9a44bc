// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// In a lambda's body, a store into the object the captured `this` points to
// is a store into the object of the method that made the lambda, as if the
// method had made it itself: the object keeping its own address (an owned
// server pointing back at its app, started through a lambda handed to
// std::async) is not an escape; a local's address kept there is one, as
// is the object's address stored in a global.

#include <future>
#include <memory>

struct App;
struct Server {
  App *app_;
  explicit Server(App *a) : app_(a) {}
};

App *current;

struct App {
  std::unique_ptr<Server> server_;
  int *last_ = nullptr;
  void run() { server_ = std::make_unique<Server>(this); }
  void publish() { current = this; }
  void viaLambda() {
    auto start = [this] { run(); };
    start();
  }
  std::future<void> runAsync() {
    return std::async(std::launch::async, [this] { run(); });
  }
  void keepLocal() {
    int x = 0;
    auto keep = [this, &x] { last_ = &x; };
    keep(); // CHECK: lambda-captured-this-object.cpp:[[@LINE]]:5: warning: lambda expression captures local 'x' by reference and outlives it (sink {*this}){{.*}}[escape-lambda-capture]
  }
  void publishLater() {
    auto l = [this] { publish(); };
    l();
  }
};

int ownsServer() {
  App app;
  app.viaLambda();
  auto done = app.runAsync();
  done.wait();
  return app.server_ ? 1 : 0;
}

void publishes() {
  App app;
  app.publishLater(); // CHECK: lambda-captured-this-object.cpp:[[@LINE]]:3: warning: address of local 'app' {{.*}}[escape-
}
