int *g_first;
int main() {
  for (int a = 0; a < 1; ++a)
    g_first = &a;
  return 0;
}
