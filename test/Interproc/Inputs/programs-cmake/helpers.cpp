// An object library linked into the tests through 'cases'.
void prepare(int *Slot) { *Slot = 0; }
