#define VALUE 1
#include "odr-macro.h"
int use_a() { return pick(1); }
