void take(int *p);
int f() {
  auto fun = [](int x) { return x + 1; };
  return fun(2);
}
