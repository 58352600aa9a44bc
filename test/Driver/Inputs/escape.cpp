// One escape-return.
int *addressOfLocal(int salt) {
  int seed = salt * 31;
  return &seed;
}
