struct Node {
  Node *Next;
  long Value;
};
Node *Kept;
void leakSome() {
  for (int I = 0; I < 3; ++I)
    new Node{nullptr, I};
}
void keepOne() { Kept = new Node{nullptr, 9}; }
int main() {
  leakSome();
  keepOne();
  return 0;
}
