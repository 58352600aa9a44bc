#include "unlinked-in-other-unit.h"

void Stack::pop() {
  top = top->below;
  --depth;
}

int Stack::size() const { return depth; }

void Stack::count() { ++depth; }
