// Two files of a database linked as one program each define `entry` (as
// each example defines `main`): the link keeps one `entry`, but each file's
// lambdas, nested ones too, stay its own (a lambda's key names the file its
// enclosing function is written in): not "defined in both", and each body
// calls its own lambda, in either order.
// RUN: not %clang-escape --caret=false %s %S/Inputs/lambda-keys-same-function.cpp -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not="captures local" --implicit-check-not="::lambda@{{[0-9]+}}' is defined in"
// RUN: not %clang-escape --caret=false %S/Inputs/lambda-keys-same-function.cpp %s -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not="captures local" --implicit-check-not="::lambda@{{[0-9]+}}' is defined in"

int *g;
void entry() {
  int x = 0;
  auto f = [&] {
    auto inner = [&] { g = &x; };
    inner();
  };
  f(); // CHECK: lambda-keys-same-function.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference
}
