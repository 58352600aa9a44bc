struct Node {
  Node *Next;
  int Value;
};
int main() {
  Node *Temp = new Node{nullptr, 2};
  int V = Temp->Value;
  delete Temp;
  return V - 2;
}
