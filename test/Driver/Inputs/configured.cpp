// For checks-config.test: one finding of several checks, two suppressed.
int *returnsLocal() {
  int X = 0;
  return &X;
}

int *Global;
void storesGlobal() {
  int X = 0;
  Global = &X;
}

int *suppressed() {
  int X = 0;
  return &X; // NOLINT(escape-return)
}

// NOLINTBEGIN(escape-global)
void storesGlobalQuietly() {
  int X = 0;
  Global = &X;
}
// NOLINTEND(escape-global)

void opaque(int *P);
void maybe() {
  int X = 0;
  opaque(&X);
}

int stackCandidate(int N) {
  int *P = new int(N);
  int R = *P;
  delete P;
  return R;
}
