// The baseline and fingerprint tests copy and edit this file.
int *escapeOnce() {
  int x = 0;
  return &x;
}

int *g1, *g2;
void storeTwice(bool c) {
  if (c) {
    int z = 0;
    g1 = &z;
  } else {
    int z = 1;
    g1 = &z;
  }
}

int unrelated(int a) { return a + 1; }
