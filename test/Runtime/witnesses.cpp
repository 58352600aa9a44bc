// Witnesses name the real holder: a slot of an outer frame whose return
// address the runtime hijacked is in the frame of its function (main), not
// of escrt_return_trampoline; a heap holder comes with the offset of the
// word that holds the address; a method's locals are found in the DWARF
// (its definition names its symbol through DW_AT_specification).
//
// RUN: %clangxx -std=c++17 %escrt_cflags %s %escrt_lib -o %t
// RUN: not clang-escape-validate --claims=%S/Inputs/witnesses/claims.json -- %t \
// RUN:   | FileCheck %s --implicit-check-not=escrt_return_trampoline

struct Node {
  Node *Next;
  int Value;
};

struct Box {
  long Tag;
  Node *Item;
};

Box *GBox;

void inner(Node **Out) { // FN: inner _Z5innerPP4Node void
  *Out = new Node{nullptr, 1}; // HEAP: noescape Node (WRONG)
  // CHECK: witnesses.cpp:[[@LINE-1]]: UNSOUND: inner: heap 'Node' claimed not to escape: object {{.*}} held by stack slot {{.*}} in the frame of main
}

// Claimed too, so its return address is hijacked while inner runs.
void outer(Node **Out) { // FN: outer _Z5outerPP4Node void
  delete new Node{nullptr, 0}; // HEAP: noescape Node
  inner(Out);
}

void intoBox() { // FN: intoBox _Z7intoBoxv void
  GBox->Item = new Node{nullptr, 2}; // HEAP: noescape Node (WRONG)
  // CHECK: witnesses.cpp:[[@LINE-1]]: UNSOUND: intoBox: heap 'Node' claimed not to escape: object {{.*}} held by heap object 0x{{[0-9a-f]+}}+8 (16 bytes, allocated from main{{.*}}), reached from global 'GBox'
}

int *GLeaked;

struct Keeper {
  int Base = 3;
  int keep(int V) { // FN: keep _ZN6Keeper4keepEi value
    int Local = V + Base; // STACK: Local noescape (WRONG)
    // CHECK: witnesses.cpp:[[@LINE-1]]: UNSOUND: keep: &Local claimed not to escape: address CFA{{[-+][0-9]+}} of the frame (&Local) held by global 'GLeaked'
    GLeaked = &Local;
    return Local;
  }
};

int main() {
  Node *Slot = nullptr;
  outer(&Slot);
  GBox = new Box{7, nullptr};
  intoBox();
  Keeper K;
  K.keep(4);
  return Slot->Value == 1 ? 0 : 1;
}
// CHECK: summary: 4 claims in 4 functions, 1 run: 1 confirmed, 3 unsound
