#include "shard.h"
int *callsPass() {
  int y = 0;
  return pass(&y);
}
