// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/github.cpp
// RUN: cd %t/src && not %clang-escape --format=github --source-root=%t github.cpp -- -std=c++20 | FileCheck %s
// RUN: cd %t/src && %python %S/../Driver/Inputs/expect-exit.py 1 %clang-escape --format=github --source-root=%t github.cpp -- -std=c++20 > /dev/null

// One workflow command per finding, the file relative to the source root,
// the flow under the message; %, CR, LF (and : and , in properties) encoded.
const char *last;
void remember(int len) {
  char name[8] = "x";
  last = &name[len % 8];
}
// CHECK: ::warning file=src/github.cpp,line=[[@LINE-2]],col=3,title=escape-global::address of local 'name' is stored in global 'last'; 'name' dangles when 'remember' returns%0Asrc/github.cpp:[[@LINE-2]]:11: decay: name%0Asrc/github.cpp:[[@LINE-2]]:11: index: name[len %25 8]%0Asrc/github.cpp:[[@LINE-2]]:10: address-of: &name[len %25 8]%0Asrc/github.cpp:[[@LINE-2]]:3: assign: last = &name[len %25 8]%0Asrc/github.cpp:[[@LINE-2]]:3: store to global: last{{$}}

double averageOf() {
  double *d = new double(2.5);
  double v = *d;
  delete d;
  return v;
}
// CHECK-NEXT: ::notice file=src/github.cpp,line=[[@LINE-5]],col=15,title=escape-stack-candidate::stack candidate: new double (8 bytes)
