#include "fwd.h"
Fut<int> make(int *p); // Fut<int> named before its template is defined
#include "def.h"
Fut<int> make(int *p) { return Fut<int>(p, 0); }
int useA(int *q) {
  Fut<int> f = make(q);
  Fut<int> g = std::move(f);
  Fut<int> h;
  return *g.p;
}
