#include "internal-linkage.h"
int *g;
namespace {
auto later = [](int *p) { g = p; };
static void inspect(int *p) { g = p; }
} // namespace
void second() {
  int y = 0;
  run(later, &y);
}
void third() {
  int z = 0;
  inspect(&z);
}
