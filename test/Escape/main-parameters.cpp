// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// What main's parameters point to (argv's array and strings) belongs to the
// program's start-up code and is not used after main returns but by static
// destructors: a local of main's outermost block stored there lives as long
// as every other use of it, as when it is stored in a global. A local of a
// nested block still dies before main returns.

char *keep(char **argv);

int main(int argc, char *argv[]) {
  char name[] = "renamed";
  argv[0] = name;
  if (argc > 2) {
    char inner[] = "inner";
    argv[1] = inner; // CHECK: main-parameters.cpp:[[@LINE]]:5: warning: address of local 'inner' is stored into the object parameter 'argv' refers to; 'inner' dangles when 'main' returns [escape-member]
  }
  return keep(argv) != nullptr;
}

// Another function's parameter is the caller's: reported.
void rename(char **argv) {
  char name[] = "renamed";
  argv[0] = name; // CHECK: main-parameters.cpp:[[@LINE]]:3: warning: address of local 'name' is stored into the object parameter 'argv' refers to; 'name' dangles when 'rename' returns [escape-member]
}
