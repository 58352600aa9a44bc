// Defines the setter that uses.cpp calls: it keeps the pointer.
static int *g_current;
void setCurrent(int *p) { g_current = p; }
