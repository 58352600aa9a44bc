struct Node {
  Node *Next;
  int Value;
};
Node *GKeep;
int main() {
  Node *Kept = new Node{nullptr, 1};
  GKeep = Kept;
  return 0;
}
