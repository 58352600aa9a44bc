int *returnsLocal() {
  int X = 0;
  return &X;
}
int main() { return returnsLocal() == nullptr; }
