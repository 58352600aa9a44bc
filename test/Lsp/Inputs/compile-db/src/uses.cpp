// Calls a setter defined in keeps.cpp: the local escapes only if the other
// file's body is followed. The function exists only with the database's flags.
void setCurrent(int *p);

#ifdef FROM_THE_DATABASE
void useSetter() {
  int local = 0;
  setCurrent(&local);
}
#endif
