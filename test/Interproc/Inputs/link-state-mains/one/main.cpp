void take(int *p);
int k() { int w = 1; take(&w); return w; }
int main() { return k(); }
