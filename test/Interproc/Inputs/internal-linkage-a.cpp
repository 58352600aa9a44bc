#include "internal-linkage.h"
namespace {
// Keeps nothing; the other file's lambda of the same name keeps p.
auto later = [](int *p) { (void)p; };
static void inspect(int *p) { (void)p; }
} // namespace
void first() {
  int x = 0;
  run(later, &x);
  inspect(&x);
}
