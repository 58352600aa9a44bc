#define VALUE 3
#include "odr-macro.h"
int use_c() { return pick(1); }
