#include "shard.h"
int *pass(int *p) { return p; }
