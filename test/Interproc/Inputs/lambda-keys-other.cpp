// A static function of the same name as lambda-keys.cpp's, with a lambda
// at the same place that keeps nothing.
int *other;
static void run() {
  int y = 0;
  auto f = [&] { int *p = &y; (void)p; };
  f();
}
void b() { run(); }
