#include <lib/keep.h>
void f() {
  int x = 0;
  keep(&x);
}
int use() { return *leak(); }
