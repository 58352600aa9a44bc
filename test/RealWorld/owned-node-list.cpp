// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in fmtlib/fmt (include/fmt/args.h, dynamic_arg_list::push, used by
// dynamic_format_arg_store::push_back in test/args-test.cc): copies are kept
// in a singly linked list of heap nodes owned through 'std::unique_ptr'
// ('n->next = std::move(head_); head_ = std::move(n);'). Moving 'head_' into
// the new node is taken as sending all of '*this' to {heap}, so every
// pointer the store holds elsewhere (its 'data_' vector of argument
// references) is reported as escaping to the heap, although the nodes are
// owned by the local store.

#include <memory>
#include <string>
#include <vector>

struct Node {
  std::string value;
  std::unique_ptr<Node> next;
  explicit Node(const char *s) : value(s) {}
};

struct Store {
  std::unique_ptr<Node> head_;
  std::vector<const char *> refs_;
  void pushRef(const char *s) { refs_.push_back(s); }
  const std::string &pushCopy(const char *s) {
    auto n = std::make_unique<Node>(s);
    auto &value = n->value;
    n->next = std::move(head_);
    head_ = std::move(n);
    // Not reported: 'n' was moved into 'head_'; the node is owned by
    // '*this', the reference stays valid as long as the store. Expected: no
    // finding.
    return value;
  }
};

// Not reported: 'str' is referenced from 'st.refs_' and copied into
// a node; both belong to the local 'st'. 
unsigned long refThenCopy() {
  Store st;
  char str[] = "1234567890";
  st.pushRef(str);
  st.pushCopy(str);
  return st.refs_.size();
}

// fmt's own spelling: the list is a member of the store, its owner is built
// with a functional cast, 'std::unique_ptr<Node>(new Node(s))', and
// 'n->next' reaches the node (it was taken to be the heap).
struct List {
  std::unique_ptr<Node> head_;
  std::vector<const char *> refs_;
  void pushRef(const char *s) { refs_.push_back(s); }
  const std::string &pushCopy(const char *s) {
    auto n = std::unique_ptr<Node>(new Node(s));
    auto &value = n->value;
    n->next = std::move(head_);
    head_ = std::move(n);
    return value;
  }
};
struct NestedStore {
  List list_;
  void ref(const char *s) { list_.pushRef(s); }
  void copy(const char *s) { list_.pushCopy(s); }
};

// Not reported.
unsigned long castRefThenCopy() {
  NestedStore st;
  char str[] = "1234567890";
  st.ref(str);
  st.copy(str);
  return st.list_.refs_.size();
}

// Only references, no node: not reported.
unsigned long refOnly() {
  Store st;
  char str[] = "1234567890";
  st.pushRef(str);
  return st.refs_.size();
}

// A store that outlives 'str' does dangle: reported, correctly.
void refIntoParam(Store &st) {
  char str[] = "1234567890";
  st.pushRef(str); // CHECK: owned-node-list.cpp:[[@LINE]]:3: warning: address of local 'str' is stored into the object parameter 'st' refers to{{.*}}[escape-member]
}
