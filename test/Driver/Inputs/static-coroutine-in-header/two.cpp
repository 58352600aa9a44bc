#include "task.h"

int main() {
  Ready r;
  runNow(r);
  return 0;
}

Lazy later() {
  int n = 2;
  return readLater(n);
}
