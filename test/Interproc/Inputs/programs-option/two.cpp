// The second program: its 'record' keeps what it is given.
void runCase();
void runOther();
void keepBoth();
int *g_two;

void setup(int *Slot) { *Slot = 2; }
void record(int *Slot) { g_two = Slot; }

int main() {
  runCase();
  runOther();
  keepBoth();
}
