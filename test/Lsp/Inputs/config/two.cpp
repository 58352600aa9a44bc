// An escape-return and an escape-global; .clang-tidy keeps only the first.
int *g_kept;

int *addressOfLocal() {
  int seed = 1;
  return &seed;
}

void keepLocal() {
  int kept = 2;
  g_kept = &kept;
}
