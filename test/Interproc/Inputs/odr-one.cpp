inline int *pick(int *p) { return p; }
int *a() { static int s; return pick(&s); }
