// A file with a syntax error in its middle: the function before it still
// parses and its finding is still reported.
int *beforeTheError() {
  int x = 0;
  return &x;
}

void broken( {
