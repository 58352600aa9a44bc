#include "shard.h"
int clean() {
  int w = 0;
  Box<int> local;
  local.set(&w);
  return *local.held;
}
