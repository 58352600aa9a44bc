#include "b/keep.h"
void two() { leak<unsigned>(); }
