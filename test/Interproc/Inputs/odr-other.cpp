int *g_second;
int main() {
  int b = 0;
  g_second = &b;
  return 0;
}
