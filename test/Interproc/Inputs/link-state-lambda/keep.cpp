int *g;
void take(int *p) { g = p; }
