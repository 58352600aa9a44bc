// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false -m %s -- -std=c++20 | FileCheck %s --check-prefix=M

// Found in fmtlib/fmt (include/fmt/format.h, find_escape with
// for_each_codepoint, reached from fmt::to_string of a vector of strings in
// test/ranges-test.cc): a lambda capturing a local by reference assigns to
// it ('result = {sv.begin(), ...}'). Inside the lambda's body the capture is
// a reference whose target the body cannot see; the store was taken to go to
// {heap}, so every pointer stored that way "escaped". Stores into, and
// reads of, a variable captured by reference now name the capture, and the
// function that made the lambda maps it to its variable, through callees
// that receive the closure by value.

struct Scan {
  // M: store-through-reference-capture.cpp:[[@LINE+1]]:53: leaking param: s to {captured variable} level=0
  template <typename F> static void run(const char *s, F f) { f(s + 1); }
};
// fmt's for_each_codepoint: the lambda is called from another lambda that
// captured it by copy.
struct EachChar {
  template <typename F> static void run(const char *s, F f) {
    auto step = [f](const char *p) { f(p); };
    step(s + 1);
  }
};

template <typename S> const char *firstAfter(const char *s) {
  const char *result = nullptr;
  S::run(s, [&](const char *p) { result = p; });
  return result;
}

// Not reported: the pointer into 'local' comes back as the result of
// 'firstAfter' and is read while 'local' is alive.
int caller() {
  char local[4] = "abc";
  return *firstAfter<Scan>(local) + *firstAfter<EachChar>(local);
}

// The same result kept in a global does dangle: reported.
const char *g_last;
void keeps() {
  char local[4] = "abc";
  g_last = firstAfter<Scan>(local); // CHECK: store-through-reference-capture.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'g_last'{{.*}}[escape-global]
}

template <typename F> void apply(F f) { f(); }

// The captured variable then returned: reported for what it holds, not for
// its own address.
int *returnsCaptured() {
  int x = 0;
  int *r = nullptr;
  apply([&] { r = &x; });
  return r; // CHECK: store-through-reference-capture.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink ~r0){{.*}}[escape-lambda-capture]
}

// A local of the lambda's own body stored into a captured variable, which
// outlives the body: reported in the lambda.
int *g;
void bodyLocal() {
  int *r = nullptr;
  apply([&] {
    int y = 0;
    r = &y; // CHECK: store-through-reference-capture.cpp:[[@LINE]]:5: warning: address of local 'y' is stored into 'r', which a lambda captured by reference and which outlives it{{.*}}[escape-return]
  });
  g = nullptr;
}

// Called directly on a local closure.
void direct() {
  int x;
  int *r;
  auto f = [&] { r = &x; };
  f();
  g = r; // CHECK: store-through-reference-capture.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink {global g}){{.*}}[escape-lambda-capture]
}
