// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A lambda storing through a reference a library call returns into a
// variable it captured by reference (`std::get<0>(args) = &v` on an array
// captured by `[&]`) stores into that variable, as `args[0] = &v` does, not
// into some unknown object on the heap. Whether that is an escape is
// decided where the variable lives.

#include <array>
#include <tuple>

void forEach(auto &&f) { f(); }

// The argument array of a call, filled through a tuple of references and
// read before the function returns: nothing escapes.
double call(double &&x) {
  std::array<void *, 1> args;
  auto refs = std::forward_as_tuple(static_cast<double &&>(x));
  forEach([&] { std::get<0>(args) = &std::get<0>(refs); });
  return *static_cast<double *>(args[0]);
}

double useCall() { return call(7.0); }

// The captured array is the caller's: the lambda's own local escapes into
// it. Known imprecision: through a captured reference parameter the store
// is taken to reach the heap (`out[0] = &local` names 'out').
void fill(std::array<int *, 1> &out) {
  forEach([&] {
    int local = 0;
    std::get<0>(out) = &local; // CHECK: :[[@LINE]]:5: warning: address of local 'local' escapes to the heap; 'local' dangles when 'fill::lambda@[[@LINE-2]]' returns [escape-heap]
  });
}

// The captured array outlives the statement that fills it with a local's
// address, and is returned.
std::array<int *, 1> leak() {
  std::array<int *, 1> out;
  int local = 0;
  forEach([&] { std::get<0>(out) = &local; });
  return out; // CHECK: :[[@LINE]]:3: warning: lambda expression captures local 'local' by reference and outlives it (sink ~r0); 'local' dangles when 'leak' returns [escape-lambda-capture]
}
