int *Last;
void keep(int *P) { Last = P; }
