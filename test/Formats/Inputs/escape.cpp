// One escape-return, used by output-file.test.
int *addressOfLocal(int salt) {
  int seed = salt * 31;
  return &seed;
}
