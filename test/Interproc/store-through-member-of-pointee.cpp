// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefix=MAYBE

// A callee storing through a pointer member of its argument's object
// (`*h.tree = ...`) stores into what the caller's member points to. When
// the caller reaches that object through a pointer it keeps in a struct
// (`on_finish(*ctx.h)`), it has no node for the member: where it points
// is not known, and it may well be the caller's own frame. A maybe, not a
// store into the heap.

struct Tree {
  int *block = nullptr;
};
struct Handler {
  Tree result;
  Tree *tree;
  const int *input;
};
struct Context {
  Handler *h;
};

void onFinish(Handler &h) { h.tree->block = h.result.block; }

int parseThroughContext(Tree &tree, const int &input) {
  Handler h{Tree{}, &tree, &input};
  Context ctx{&h};
  onFinish(*ctx.h);
  return *h.input;
}

int parseDirectly(Tree &tree, const int &input) {
  Handler h{Tree{}, &tree, &input};
  onFinish(h);
  return *h.input;
}

int caller(int v) {
  int input = v;
  Tree tree;
  // MAYBE: store-through-member-of-pointee.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: address of local 'tree' escapes to the heap{{.*}}(maybe
  // MAYBE: store-through-member-of-pointee.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: address of local 'input' escapes to the heap{{.*}}(maybe
  return parseThroughContext(tree, input) + parseDirectly(tree, input);
}
