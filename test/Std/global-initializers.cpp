// The initializer of a global runs before main: a temporary it makes dies at
// the end of the initializer's full-expression, unless the global is a
// reference bound to it directly (then the temporary lives as long as the
// global).
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <functional>
#include <string>
#include <string_view>
#include <vector>

using namespace std::string_literals;

struct Widget {
  int *data() [[clang::lifetimebound]];
};
const int &first(const std::vector<int> &v [[clang::lifetimebound]]);
std::string makeName();

// A view of a temporary string.
std::string_view g_view = "name"s; // CHECK: global-initializers.cpp:[[@LINE]]:18: warning: temporary 'basic_string<char>' is stored in global 'g_view'; it is destroyed at the end of the full-expression [escape-global]
std::string_view g_made = makeName(); // CHECK: global-initializers.cpp:[[@LINE]]:18: warning: temporary 'std::string' is stored in global 'g_made'; it is destroyed at the end of the full-expression [escape-global]

// Through [[clang::lifetimebound]] on a function without a body.
int *g_data = Widget().data(); // CHECK: global-initializers.cpp:[[@LINE]]:6: warning: temporary 'Widget' is stored in global 'g_data'{{.*}}[escape-global]
const int &g_first = first(std::vector<int>{1, 2}); // CHECK: global-initializers.cpp:[[@LINE]]:12: warning: temporary 'std::vector<int>' is stored in global 'g_first'{{.*}}[escape-global]

struct Config {
  static std::string_view name;
};
std::string_view Config::name = makeName(); // CHECK: global-initializers.cpp:[[@LINE]]:26: warning: temporary 'std::string' is stored in global 'name'{{.*}}[escape-global]

// Not dangling: the reference extends the temporary's lifetime, the view
// refers to a literal or a global, the string copies.
const std::string &g_extended = makeName();
const std::string g_owned = makeName();
std::string g_name = "x";
std::string_view g_ofGlobal = g_name;
std::string_view g_literal = "literal";
int g_value = first(std::vector<int>{1});
std::vector<std::string_view> g_views = {"a", "b"};
std::function<int()> g_fn = [] { return 1; };

// A test framework's registration (googletest's TEST): a function without a
// body given what other calls return, outside any function. Nothing to
// report, and the lowering has no enclosing function to ask about.
struct TestInfo;
TestInfo *registerTest(const char *name, const void *id, void (*setUp)());
const void *typeId();
void (*setUpOf(const char *file, int line))();
TestInfo *const g_registered = registerTest("t", typeId(), setUpOf("f", 1));
