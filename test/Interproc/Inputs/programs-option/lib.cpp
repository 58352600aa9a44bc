// A library linked into both programs; each program defines its own
// 'setup' and 'record'.
void setup(int *Slot);
void record(int *Slot);
int *g_shared;

void runCase() {
  int local = 0;
  setup(&local);
}

void runOther() {
  int other = 0;
  record(&other);
}

void keepBoth() {
  int both = 0;
  g_shared = &both;
}
