// Returns its argument: a caller that returns the result returns its own
// local.
int *pass(int *p) { return p; }
