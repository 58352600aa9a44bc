// Defines the setter that uses-setter.cpp calls: it keeps the pointer.
static int *g_current;
void setCurrent(int *p) { g_current = p; }
int *currentOrNull() { return g_current; }

int *ownEscape() {
  int mine = 2;
  return &mine;
}
