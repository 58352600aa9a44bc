int *g_first;
int main() {
  int a = 0;
  g_first = &a;
  return 0;
}
