int *g;
inline int *pick(int *p) { g = p; return p; }
int *b() { static int s; return pick(&s); }
