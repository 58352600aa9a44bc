void keep(int *p);
void f() { int x = 0;
  keep(&x);
}
