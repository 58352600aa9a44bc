void take(int *p);
int main() { int v = 0; take(&v); return 0; }
