// Another program's entry of the same name as lambda-keys-same-function.cpp's,
// with lambdas at the same place that keep nothing.
int *h;
void entry() {
  int y = 0;
  auto f = [&] {
    auto inner = [&] { int *p = &y; (void)p; };
    inner();
  };
  f();
}
