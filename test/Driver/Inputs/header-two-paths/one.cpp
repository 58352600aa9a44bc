#include "a/via.h"
void one() { leak<int>(); }
