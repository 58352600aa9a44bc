// The library both tests link: it hands a local to the test's 'setup'.
void setup(int *Slot);
void prepare(int *Slot);

void runCase() {
  int local = 0;
  prepare(&local);
  setup(&local);
}
