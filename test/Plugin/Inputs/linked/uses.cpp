// Calls a setter defined in keeps-pointer.cpp: the local escapes only if the
// other file's body is followed.
void setCurrent(int *p);
int *currentOrNull();

void useSetter() {
  int local = 0;
  setCurrent(&local);
}

int readBack() {
  int value = 1;
  return *currentOrNull() + value;
}
