#include "def.h"
int useA(int *q);
int useB(int *q) {
  Fut<int> f(q, 0);
  Fut<int> g = std::move(f);
  Fut<int> h;
  return *g.p;
}
int main() {
  int x = 0;
  return useA(&x) + useB(&x);
}
