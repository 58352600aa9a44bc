// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A method that makes an object, keeps it in its own object and hands it
// back by reference (`return *r;`, a router's `new_rule`) hands back a fresh
// object its object owns: a handler capturing locals stored into it lives as
// long as the owner (Crow's routes in the `app` declared after them). Kept
// in a std::shared_ptr its class hands out, the object may outlive the
// owner, and the store is reported.

#include <functional>
#include <memory>
#include <vector>

struct Rule {
  std::function<void()> handler_;
  template <class F> void operator()(F f) { handler_ = std::move(f); }
};

struct App {
  std::vector<std::unique_ptr<Rule>> rules_;
  std::unique_ptr<Rule> upgrade_;
  Rule &route(const char *) {
    auto *r = new Rule;
    rules_.emplace_back(r);
    return *r;
  }
  Rule &websocket() {
    auto *p = new Rule;
    upgrade_.reset(p);
    return *p;
  }
};

int ownedByTheApp() {
  int connected = 0;
  App app;
  app.route("/")([&] { connected = 1; });
  app.websocket()([&] { connected = 2; });
  return connected;
}

struct Sharing {
  std::vector<std::shared_ptr<Rule>> rules_;
  Rule &route() {
    auto r = std::make_shared<Rule>();
    rules_.push_back(r);
    return *r;
  }
  std::shared_ptr<Rule> share(int i) { return rules_[i]; }
};

int sharedOut() {
  int connected = 0;
  Sharing s;
  s.route()([&] { connected = 1; }); // CHECK: builder-returns-kept-object.cpp:[[@LINE]]:3: warning: lambda expression captures local 'connected' by reference and outlives it{{.*}}[escape-lambda-capture]
  return connected;
}

// The owner outlives the function: the handler dangles.
App global;
void ownedByAGlobal() {
  int connected = 0;
  global.route("/")([&] { connected = 1; }); // CHECK: builder-returns-kept-object.cpp:[[@LINE]]:3: warning: lambda expression captures local 'connected' by reference and outlives it{{.*}}[escape-lambda-capture]
}
