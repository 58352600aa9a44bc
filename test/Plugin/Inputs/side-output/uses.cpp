// Escapes only when the other files' bodies are followed.
void keep(int *p);
int *pass(int *p);

void callsKeep() {
  int x = 0;
  keep(&x);
}

int *callsPass() {
  int y = 0;
  return pass(&y);
}
