#define VALUE 2
#include "odr-macro.h"
int use_b() { return pick(1); }
