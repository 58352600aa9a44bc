void take(int *p);
int h() { int x = 1; take(&x); return x; }
