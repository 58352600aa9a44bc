void take(int *p);
int h() { int x = 1; take(&x); return x; }
int main() { int y = 0; take(&y); return h(); }
