// Built twice: with -DOTHER_BUILD it includes a header this machine lacks.
#ifdef OTHER_BUILD
#include "no-such-header-of-another-toolchain.h"
#endif
int *g_keep;
void keepLocal() {
  int x = 0;
  g_keep = &x;
}
