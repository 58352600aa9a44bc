#include "h.h"
void run() {
  int x = 0;
  keep(&x);
}
