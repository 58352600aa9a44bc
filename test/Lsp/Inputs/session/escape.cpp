// One escape-return, after non-ASCII text on its line, and one proven
// annotation.
int *addressOfLocal(int salt) {
  int seed = salt * 31;
  /* ü€😀 */ return &seed;
}

int *ident(int *p) { return p; }
