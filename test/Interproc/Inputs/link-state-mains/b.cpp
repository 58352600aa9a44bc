void take(int *p);
int main() { int z = 0; take(&z); return 0; }
