int *g_second;
int main() {
  for (int b = 0; b < 1; ++b)
    g_second = &b;
  return 0;
}
