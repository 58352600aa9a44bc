// Only perf-class findings: a stack candidate and an oversized local.
void use(void *);
int candidate() {
  int *p = new int(3);
  int r = *p;
  delete p;
  return r;
}
void big() {
  char buffer[70000];
  use(buffer);
}
