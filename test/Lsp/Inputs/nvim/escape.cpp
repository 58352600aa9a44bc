// One escape-return after non-ASCII text, and an unused variable that
// clangd itself warns about.
int *addressOfLocal(int salt) {
  int seed = salt * 31, unused = 0;
  /* ü€😀 */ return &seed;
}
