// Escapes into members: of an object on the caller's stack, and of a heap
// object the caller holds. The witness names the caller's stack slot or the
// holding heap object.
//
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/members/claims.json -- %t \
// RUN:   | FileCheck %s

struct Node {
  Node *Next;
  int Value;
};

struct Holder {
  Node *Member = nullptr;
  void fill();
  void fillTemporarily();
  void fillChecked();
};

void Holder::fill() { // FN: Holder::fill _ZN6Holder4fillEv void
  Member = new Node{nullptr, 1}; // HEAP: noescape Node (WRONG)
  // CHECK: members.cpp:[[@LINE-1]]: UNSOUND: Holder::fill: heap 'Node' claimed not to escape: object {{.*}} held by stack slot {{.*}} in the frame of main{{.*}}
}

void Holder::fillTemporarily() { // FN: Holder::fillTemporarily _ZN6Holder15fillTemporarilyEv void
  Member = new Node{nullptr, 2}; // HEAP: noescape Node
  // CHECK: members.cpp:[[@LINE-1]]: CONFIRMED: Holder::fillTemporarily: heap 'Node' claimed not to escape
  delete Member;
  Member = nullptr;
}

void Holder::fillChecked() { // FN: Holder::fillChecked _ZN6Holder11fillCheckedEv void
  Member = new Node{nullptr, 3}; // HEAP: escapes Node
  // CHECK: members.cpp:[[@LINE-1]]: CONFIRMED: Holder::fillChecked: heap 'Node' claimed to escape: object {{.*}} held by heap object {{.*}} reached from stack slot {{.*}} in the frame of main
}

int main() {
  Holder OnStack;
  OnStack.fill();
  OnStack.fillTemporarily();
  Holder *OnHeap = new Holder;
  OnHeap->fillChecked();
  int R = OnStack.Member == nullptr && OnHeap->Member->Value == 3 ? 0 : 1;
  delete OnHeap->Member;
  delete OnHeap;
  return R;
}
// CHECK: summary: 3 claims in 3 functions, 1 run: 2 confirmed, 1 unsound, 0 imprecise, 0 unverified, 0 unobserved
