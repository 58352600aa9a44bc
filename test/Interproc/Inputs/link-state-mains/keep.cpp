int *g;
void take(int *p) { g = p; }
int main() { int x = 0; take(&x); return 0; }
