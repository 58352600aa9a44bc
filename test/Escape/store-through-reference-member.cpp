// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A method storing through a reference member stores into what the
// caller's object refers to: the caller's own binding decides.

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

// The graph is a local declared after 'x': it dies first.
void intoALocalGraph() {
  int x = 0;
  Graph g;
  Builder b(g);
  b.emplace([&x] { x = 1; });
}

// The graph is a global: it keeps the lambda after 'x' died.
Graph gGraph;
void intoAGlobalGraph() {
  int x = 0;
  Builder b(gGraph);
  b.emplace([&x] { x = 1; }); // CHECK: store-through-reference-member.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
}

// Found in taskflow/taskflow (unittests/test_pipelines.cpp and others, about
// 140 findings): 'tf::Taskflow' inherits 'FlowBuilder', whose reference
// member 'Graph &_graph' the derived constructor binds to its own graph.
struct Flow : Builder {
  Flow() : Builder(graph_) {}
  Graph graph_;
};
void run(Flow &);

// 'flow' dies before 'x' and keeps the lambda only while it lives: the
// base initializer binds the reference member to the object's own graph.
void emplacedIntoALocalFlow() {
  int x = 0;
  Flow flow;
  flow.emplace([&x] { x = 1; });
  run(flow);
}

// The same binding made by a member's initializer: a store into the member
// object as a whole reaches its reference member.
struct Owner {
  Owner() : b(graph_) {}
  Graph graph_;
  Builder b;
};
void run(Owner &);
void emplacedThroughAMember() {
  int x = 0;
  Owner o;
  o.b.emplace([&x] { x = 1; });
  run(o);
}

// A global owner keeps the lambda after 'x' died.
Owner gOwner;
void emplacedThroughAGlobalOwner() {
  int x = 0;
  gOwner.b.emplace([&x] { x = 1; }); // CHECK: store-through-reference-member.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it{{.*}}[escape-lambda-capture]
}

// The owner is declared before 'x' and outlives it, but only destroys the
// lambda afterwards: nothing runs it once 'x' died.
void ownerOutlivesTheLocal() {
  Owner o;
  int x = 0;
  o.b.emplace([&x] { x = 1; });
  run(o);
}
