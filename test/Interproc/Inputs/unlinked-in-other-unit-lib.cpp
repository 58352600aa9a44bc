#include "unlinked-in-other-unit.h"

void Stack::pop() {
  top = top->below;
  --depth;
}
