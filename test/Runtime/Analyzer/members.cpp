// The analyzer's claims about members, checked on a real run: an object
// stored into *this lives as long as the object does, which outlives the
// method; a member pointer that is cleared before the return does not keep
// anything.
//
// RUN: rm -f %t.claims.json
// RUN: not %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

class Holder {
public:
  explicit Holder(int V) : Head(new Node{nullptr, V}) {}
  // CHECK-DAG: members.cpp:[[@LINE-1]]: CONFIRMED: Holder::Holder: heap 'Node' claimed to escape: object {{.*}} held by
  ~Holder() {
    while (Head) {
      Node *N = Head;
      Head = Head->Next;
      delete N;
    }
  }

  void push(int V) {
    Head = new Node{Head, V};
    // CHECK-DAG: members.cpp:[[@LINE-1]]: CONFIRMED: Holder::push: heap 'Node' claimed to escape
  }

  void adopt(Node *N) {
    N->Next = Head;
    Head = N;
  }

  int scratch() const {
    Node *Tmp = new Node{Head, 0};
    // CHECK-DAG: members.cpp:[[@LINE-1]]: CONFIRMED: Holder::scratch: heap 'Node' claimed not to escape
    int V = Tmp->Next->Value;
    delete Tmp;
    return V;
  }

  int sum() const {
    int Total = 0;
    for (const Node *N = Head; N; N = N->Next)
      Total += N->Value;
    return Total;
  }

private:
  Node *Head;
};

struct Config {
  const int *Limit = nullptr;
  void setLimit(const int &L) { Limit = &L; }
};

int configure(Config &C) {
  int Limit = 8;
  // CHECK-DAG: members.cpp:[[@LINE-1]]: CONFIRMED: configure: &Limit claimed to escape: address CFA-{{[0-9]+}} of the frame (&Limit) held by stack slot
  C.setLimit(Limit);
  return *C.Limit;
}

int main() {
  Holder *H = new Holder(1);
  H->push(2);
  H->adopt(new Node{nullptr, 3});
  int S = H->sum() + H->scratch();
  delete H;
  Config C;
  S += configure(C);
  C.Limit = nullptr;
  return S == 17 ? 0 : 1;
}
// CHECK: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
