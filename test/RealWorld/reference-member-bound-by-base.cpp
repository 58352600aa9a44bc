// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in taskflow/taskflow (unittests/test_pipelines.cpp and others, about
// 140 findings): work is emplaced into a local 'tf::Taskflow', which inherits
// 'FlowBuilder', whose reference member 'Graph &_graph' the derived class's
// constructor binds to its own graph. A store through a reference member
// whose binding the caller does not see goes to {heap}.

#include <functional>
#include <vector>

struct Graph {
  std::vector<std::function<void()>> tasks;
};
struct Builder {
  explicit Builder(Graph &g) : g_(g) {}
  void emplace(std::function<void()> f) { g_.tasks.push_back(std::move(f)); }
  Graph &g_;
};
struct Flow : Builder {
  Flow() : Builder(graph_) {}
  Graph graph_;
};
void run(Flow &);

// FIXME: false positive: 'flow' dies before 'x' and keeps the lambda only
// while it lives.
void emplacedIntoALocalFlow() {
  int x = 0;
  Flow flow;
  flow.emplace([&x] { x = 1; }); // CHECK: reference-member-bound-by-base.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {heap}){{.*}}[escape-lambda-capture]
  run(flow);
}

Flow *gFlow;
void emplacedIntoAGlobalFlow() {
  int x = 0;
  gFlow->emplace([&x] { x = 1; }); // CHECK: reference-member-bound-by-base.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
}
