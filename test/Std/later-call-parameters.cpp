// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// A lambda kept in a std::function is called later by code that passes its
// own arguments: what the body stores into the objects its parameters
// refer to (a subflow, a context, an event) is only a maybe.
#include <algorithm>
#include <functional>
#include <vector>

struct Sub {
  std::vector<std::function<void()>> tasks;
};
struct Graph {
  std::vector<std::function<void(Sub &)>> nodes;
  template <class F> void emplace(F &&f) { nodes.emplace_back(std::forward<F>(f)); }
  void run() {
    for (auto &n : nodes) {
      Sub s;
      n(s);
      for (auto &t : s.tasks)
        t();
    }
  }
};
int subflow() {
  int counter = 0;
  Graph g;
  g.emplace([&](Sub &s) { s.tasks.push_back([&] { ++counter; }); }); // MAYBE: later-call-parameters.cpp:[[@LINE]]:3: warning: lambda expression captures local 'counter' by reference{{.*}}(maybe{{.*}}[escape-lambda-capture]
  g.run();
  return counter;
}

// A lambda an algorithm calls at once with the elements of a range: what
// it stores into them is a fact.
struct Item {
  int *p = nullptr;
};
std::vector<Item> gItems;
void storeIntoEach() {
  int x = 0;
  std::for_each(gItems.begin(), gItems.end(), [&](Item &i) { i.p = &x; }); // CHECK: later-call-parameters.cpp:[[@LINE]]:{{[0-9]+}}: warning: {{.*}}'x'{{.*}}
}
