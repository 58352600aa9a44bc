// A deliberately wrong claim is caught: the analyzer's claims for this
// program are all sound, then the claim for the Node that publish() stores
// into a global is flipped to "does not escape", and the validator must
// answer UNSOUND, name the global as the witness, and exit with status 1.
//
// RUN: rm -f %t.claims.json %t.wrong.json
// RUN: %clang-escape --emit-claims=%t.claims.json %s -- > %t.report
// RUN: %clangxx %escrt_cflags %s %escrt_lib -o %t
// RUN: clang-escape-validate --claims=%t.claims.json -- %t | FileCheck --check-prefix=REAL %s
// RUN: %python -c "import json, sys; d = json.load(open(sys.argv[1])); f = [f for f in d['functions'] if f['name'] == 'publish'][0]; assert f['heap'][0]['escapes'] is True; f['heap'][0]['escapes'] = False; json.dump(d, open(sys.argv[2], 'w'))" %t.claims.json %t.wrong.json
// RUN: not clang-escape-validate --claims=%t.wrong.json -- %t | FileCheck --check-prefix=WRONG %s

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;

void publish(int V) {
  GSink = new Node{GSink, V};
  // REAL: wrong-claim.cpp:[[@LINE-1]]: CONFIRMED: publish: heap 'Node' claimed to escape: object {{.*}} held by global 'GSink'
  // WRONG: wrong-claim.cpp:[[@LINE-2]]: UNSOUND: publish: heap 'Node' claimed not to escape: object {{.*}} held by global 'GSink' in the program
}

int drain() {
  int S = 0;
  while (GSink) {
    Node *N = GSink;
    GSink = N->Next;
    S += N->Value;
    delete N;
  }
  return S;
}

int main() {
  publish(1);
  publish(2);
  return drain() == 3 ? 0 : 1;
}
// REAL: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 0 unsound,
// WRONG: summary: {{[0-9]+ claims? in [0-9]+ functions?}}, 1 run: {{[0-9]+}} confirmed, 1 unsound,
