// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false --no-config %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// `std::visit(vis, v)` returns what the visitor's call operators return,
// not a copy of the visitor: a visitor capturing the caller's locals by
// reference and returning copies returns nothing of them; one returning
// their addresses does.
#include <functional>
#include <utility>
#include <variant>

struct Model {
  int count = 0;
};
using Action = std::variant<int, double>;
using Result = std::pair<Model, std::function<void()>>;

Result update(Model m, Action a) {
  return std::visit(
      [&](auto v) -> Result {
        Model n = m;
        n.count += static_cast<int>(v);
        return {n, [] {}};
      },
      a);
}

template <class... F> struct overloaded : F... {
  using F::operator()...;
};
template <class... F> overloaded(F...) -> overloaded<F...>;

Result overloadSet(Model m, Action a) {
  return std::visit(overloaded{[&](int) -> Result { return {m, nullptr}; },
                               [&](double) -> Result { return {m, nullptr}; }},
                    a);
}

int *addressOfLocal(Action a) {
  int local = 0;
  return std::visit([&](auto) { return &local; }, a); // CHECK: :[[@LINE]]:3: warning: lambda expression captures local 'local' by reference and outlives it (sink ~r0); 'local' dangles when 'addressOfLocal' returns
}

std::function<void()> keepsLocal(Action a) {
  int local = 0;
  // CHECK: :[[@LINE+1]]:3: warning: lambda expression captures local 'local' by reference and outlives it (sink ~r0); 'local' dangles when 'keepsLocal' returns
  return std::visit(
      [&](auto) { return std::function<void()>([&local] { ++local; }); }, a);
}
