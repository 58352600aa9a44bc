#include "shard.h"
void callsKeep() {
  int x = 0;
  keep(&x);
}
