// A bug finding and a perf finding, for the configuration tests.
int *returnsLocal() {
  int X = 0;
  return &X;
}

int stackCandidate(int N) {
  int *P = new int(N);
  int R = *P;
  delete P;
  return R;
}
