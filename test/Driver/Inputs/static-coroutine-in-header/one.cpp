#include "task.h"

void first() {
  Ready r;
  runNow(r);
  int n = 1;
  Lazy t = readLater(n);
  t.h.resume();
  t.h.destroy();
}
