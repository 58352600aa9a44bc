#include "shard.h"
int *g_sink;
void keep(int *p) { stash(p); }
