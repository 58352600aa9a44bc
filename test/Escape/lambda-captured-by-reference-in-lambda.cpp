// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A visitor lambda handed down a recursive walk, each level wrapping it in
// a lambda that captures it by reference (`[&visit](auto &child) {
// walk(child, visit); }`), stores into the variables the visitor captured:
// those are still the variables of the function that made the visitor, at
// any depth of wrapping, not some unknown object on the heap.

#include <cstddef>
#include <functional>
#include <string>
#include <tuple>
#include <utility>

template <class Tuple, std::size_t... I, class F>
void eachOf(Tuple &t, std::index_sequence<I...>, F &&f) {
  (f(std::get<I>(t)), ...);
}
template <class... A, class F> void eachOf(std::tuple<A...> &t, F &&f) {
  eachOf(t, std::index_sequence_for<A...>{}, std::forward<F>(f));
}

template <class T, class F> void walk(T &node, F &visit) { visit(node); }
template <class T, class F>
void walk(std::reference_wrapper<T> &node, F &visit) {
  walk(node.get(), visit);
}
template <class... A, class F> void walk(std::tuple<A...> &node, F &visit) {
  eachOf(node, [&visit](auto &child) { walk(child, visit); });
}

template <class T> struct Statement {
  T expression;
};

// Finds the first string bound to the statement: the address lands in the
// local 'found' and comes back as the result.
template <class T> std::string &firstString(Statement<T> &s) {
  std::string *found = nullptr;
  auto visit = [&found](auto &node) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(node)>,
                                 std::string>)
      if (!found)
        found = &node;
  };
  walk(s.expression, visit);
  return *found;
}

// The statement binds locals that outlive it, and the lookup keeps nothing.
bool bound() {
  std::string name = "n";
  int id = 1;
  Statement<std::tuple<std::reference_wrapper<std::string>,
                       std::reference_wrapper<int>>>
      s{{std::ref(name), std::ref(id)}};
  return &firstString(s) == &name;
}

// What the lookup returns is the caller's local: returning it dangles.
std::string *leaked() {
  std::string name = "n";
  Statement<std::tuple<std::reference_wrapper<std::string>>> s{
      {std::ref(name)}};
  return &firstString(s); // CHECK: :[[@LINE]]:3: warning: address of local 'name' escapes to the caller; 'name' dangles when 'leaked' returns [escape-return]
}

// A visitor that keeps what it sees in a global keeps the caller's local.
std::string *last;
template <class T> void remember(Statement<T> &s) {
  auto visit = [](auto &node) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(node)>,
                                 std::string>)
      last = &node;
  };
  walk(s.expression, visit);
}

void kept() {
  std::string name = "n";
  Statement<std::tuple<std::reference_wrapper<std::string>>> s{
      {std::ref(name)}};
  remember(s); // CHECK: :[[@LINE]]:3: warning: address of local 'name' is stored in global 'last' (via 'remember'); 'name' dangles when 'kept' returns [escape-global]
}
