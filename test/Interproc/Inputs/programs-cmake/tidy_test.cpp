// This test's 'setup' only writes through the pointer.
void runCase();

void setup(int *Slot) { *Slot = 1; }

int main() { runCase(); }
