// The first program: its 'setup' keeps what it is given.
void runCase();
void runOther();
void keepBoth();
int *g_one;

void setup(int *Slot) { g_one = Slot; }
void record(int *Slot) { *Slot = 1; }

int main() {
  runCase();
  runOther();
  keepBoth();
}
