#include "shard.h"
Box<int> g_box;
void boxes() {
  int z = 0;
  g_box.set(&z);
  stash(&z);
}
