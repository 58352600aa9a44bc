int &pick(int &A, int &B) { return A; }
void fill(int *P) { *P = 1; }
int *Kept;
void keep(int *P) { Kept = P; }
