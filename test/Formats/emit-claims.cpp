// The shape of `clang-escape --emit-claims=FILE` (docs/Runtime.md, claims
// format version 1): one entry per function of the main file, heap claims
// per allocation line, stack claims for locals whose address is taken,
// absolute paths, and the normal report still on stdout.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && not %clang-escape --caret=false --emit-claims=%t/claims.json emit-claims.cpp -- > %t/report.txt
// RUN: FileCheck --check-prefix=REPORT %s < %t/report.txt
// RUN: FileCheck %s < %t/claims.json
// RUN: not %clang-escape --emit-claims=%t/no/such/dir/claims.json %s -- 2>&1 | FileCheck --check-prefix=ERR %s

// REPORT: emit-claims.cpp:{{[0-9]+}}:{{[0-9]+}}: warning: address of local 'Kept' is stored in global 'GInt'
// ERR: error: {{.*}}no/such/dir/claims.json

// CHECK:      {
// CHECK-NEXT:   "version": 1,
// CHECK-NEXT:   "tool": {
// CHECK-NEXT:     "name": "clang-escape",
// CHECK-NEXT:     "version": "{{[0-9.]+}}"
// CHECK-NEXT:   },
// CHECK-NEXT:   "sources": [
// CHECK-NEXT:     "{{.*}}emit-claims.cpp"
// CHECK-NEXT:   ],
// CHECK-NEXT:   "functions": [

struct Node {
  Node *Next;
  int Value;
};

Node *GSink;
int *GInt;

// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "make",
// CHECK-NEXT:       "qualified_name": "make",
// CHECK-NEXT:       "mangled": "_Z4makei",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+13]],
// CHECK-NEXT:       "returns": "pointer",
// CHECK-NEXT:       "heap": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "site": "/{{.*}}/Formats/emit-claims.cpp:[[@LINE+9]]:28",
// CHECK-NEXT:           "line": [[@LINE+8]],
// CHECK-NEXT:           "type": "Node",
// CHECK-NEXT:           "bytes": 16,
// CHECK-NEXT:           "escapes": true
// CHECK-NEXT:         }
// CHECK-NEXT:       ],
// CHECK-NEXT:       "stack": []
// CHECK-NEXT:     },
Node *make(int V) { return new Node{nullptr, V}; }

// Two allocations of one line are one claim; Plain, whose address is never
// taken, has no claim; the by-value parameter whose address is taken has one
// (its size is not known: it may live in the caller's frame).
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "locals",
// CHECK-NEXT:       "qualified_name": "locals",
// CHECK-NEXT:       "mangled": "_Z6localsi",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+32]],
// CHECK-NEXT:       "returns": "value",
// CHECK-NEXT:       "heap": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "site": "/{{.*}}/Formats/emit-claims.cpp:[[@LINE+33]]:15",
// CHECK-NEXT:           "line": [[@LINE+32]],
// CHECK-NEXT:           "type": "Node",
// CHECK-NEXT:           "bytes": 16,
// CHECK-NEXT:           "escapes": false
// CHECK-NEXT:         }
// CHECK-NEXT:       ],
// CHECK-NEXT:       "stack": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "Param",
// CHECK-NEXT:           "line": [[@LINE+18]],
// CHECK-NEXT:           "bytes": 0,
// CHECK-NEXT:           "escapes": false
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "Kept",
// CHECK-NEXT:           "line": [[@LINE+13]],
// CHECK-NEXT:           "bytes": 4,
// CHECK-NEXT:           "escapes": true
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "Seen",
// CHECK-NEXT:           "line": [[@LINE+7]],
// CHECK-NEXT:           "bytes": 4,
// CHECK-NEXT:           "escapes": false
// CHECK-NEXT:         }
// CHECK-NEXT:       ]
// CHECK-NEXT:     },
int locals(int Param) {
  int Kept = 1, Seen = 2, Plain = 3;
  GInt = &Kept;
  int *P = &Seen;
  int *Q = &Param;
  Node *Tmp = new Node{nullptr, 0}, *Tmp2 = new Node{nullptr, 1};
  int V = *P + *Q + Plain + Tmp->Value + Tmp2->Value;
  delete Tmp;
  delete Tmp2;
  return V;
}

// A constructor is named by its base-object symbol (C2): clang emits it for
// every class without virtual bases, C1 only as an alias of an out-of-line
// one.
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "Holder::Holder",
// CHECK-NEXT:       "qualified_name": "Holder::Holder",
// CHECK-NEXT:       "mangled": "_ZN6HolderC2Ei",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+34]],
// CHECK-NEXT:       "returns": "void",
// CHECK-NEXT:       "heap": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "site": "/{{.*}}/Formats/emit-claims.cpp:[[@LINE+30]]:33",
// CHECK-NEXT:           "line": [[@LINE+29]],
// CHECK-NEXT:           "type": "Node",
// CHECK-NEXT:           "bytes": 16,
// CHECK-NEXT:           "escapes": true
// CHECK-NEXT:         }
// CHECK-NEXT:       ],
// CHECK-NEXT:       "stack": []
// CHECK-NEXT:     },
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "Holder::ratio",
// CHECK-NEXT:       "qualified_name": "Holder::ratio",
// CHECK-NEXT:       "mangled": "_ZNK6Holder5ratioEv",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+17]],
// CHECK-NEXT:       "returns": "value",
// CHECK-NEXT:       "heap": [],
// CHECK-NEXT:       "stack": []
// CHECK-NEXT:     },
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "Holder::value",
// CHECK-NEXT:       "qualified_name": "Holder::value",
// CHECK-NEXT:       "mangled": "_ZN6Holder5valueEv",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+8]],
// CHECK-NEXT:       "returns": "reference",
// CHECK-NEXT:       "heap": [],
// CHECK-NEXT:       "stack": []
// CHECK-NEXT:     },
struct Holder {
  explicit Holder(int V) : Head(new Node{nullptr, V}) {}
  double ratio() const { return Head->Value / 2.0; }
  int &value() { return Head->Value; }
  Node *Head;
};

// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "cPublish",
// CHECK-NEXT:       "qualified_name": "cPublish",
// CHECK-NEXT:       "mangled": "cPublish",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+13]],
// CHECK-NEXT:       "returns": "void",
// CHECK-NEXT:       "heap": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "site": "/{{.*}}/Formats/emit-claims.cpp:[[@LINE+9]]:43",
// CHECK-NEXT:           "line": [[@LINE+8]],
// CHECK-NEXT:           "type": "Node",
// CHECK-NEXT:           "bytes": 16,
// CHECK-NEXT:           "escapes": true
// CHECK-NEXT:         }
// CHECK-NEXT:       ],
// CHECK-NEXT:       "stack": []
// CHECK-NEXT:     },
extern "C" void cPublish(int V) { GSink = new Node{GSink, V}; }

// A lambda's body is a function of its own, named by its symbol.
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "viaLambda::lambda@[[@LINE+35]]",
// CHECK-NEXT:       "qualified_name": "viaLambda::lambda@[[@LINE+34]]",
// CHECK-NEXT:       "mangled": "_ZZL9viaLambdavENK3$_0clEi",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+31]],
// CHECK-NEXT:       "returns": "pointer",
// CHECK-NEXT:       "heap": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "site": "/{{.*}}/Formats/emit-claims.cpp:[[@LINE+27]]:34",
// CHECK-NEXT:           "line": [[@LINE+26]],
// CHECK-NEXT:           "type": "Node",
// CHECK-NEXT:           "bytes": 16,
// CHECK-NEXT:           "escapes": true
// CHECK-NEXT:         }
// CHECK-NEXT:       ],
// CHECK-NEXT:       "stack": []
// CHECK-NEXT:     },
// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "viaLambda",
// CHECK-NEXT:       "qualified_name": "viaLambda",
// CHECK-NEXT:       "mangled": "_ZL9viaLambdav",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+12]],
// CHECK-NEXT:       "returns": "value",
// CHECK-NEXT:       "heap": [],
// CHECK-NEXT:       "stack": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "Make",
// CHECK-NEXT:           "line": [[@LINE+7]],
// CHECK-NEXT:           "bytes": 1,
// CHECK-NEXT:           "escapes": false
// CHECK-NEXT:         }
// CHECK-NEXT:       ]
// CHECK-NEXT:     },
static int viaLambda() {
  auto Make = [](int V) { return new Node{nullptr, V}; };
  Node *N = Make(3);
  int V = N->Value;
  delete N;
  return V;
}

// CHECK-NEXT:     {
// CHECK-NEXT:       "name": "main",
// CHECK-NEXT:       "qualified_name": "main",
// CHECK-NEXT:       "mangled": "main",
// CHECK-NEXT:       "file": "/{{.*}}/Formats/emit-claims.cpp",
// CHECK-NEXT:       "line": [[@LINE+12]],
// CHECK-NEXT:       "returns": "value",
// CHECK-NEXT:       "heap": [],
// CHECK-NEXT:       "stack": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "name": "H",
// CHECK:                "escapes": false
// CHECK-NEXT:         }
// CHECK-NEXT:       ]
// CHECK-NEXT:     }
// CHECK-NEXT:   ]
// CHECK-NEXT: }
int main() {
  Holder H(1);
  cPublish(2);
  return locals(4) + viaLambda() + int(H.ratio()) + H.value();
}
