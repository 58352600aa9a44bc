// This test's 'setup' keeps the address it is given.
void runCase();
int *g_kept;

void setup(int *Slot) { g_kept = Slot; }

int main() { runCase(); }
