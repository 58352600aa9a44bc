// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

struct Packet {
  int len;
  unsigned char payload[32];
};

bool decode(int n, Packet **out) {
  Packet p{};
  p.len = n;
  *out = &p; // CHECK: out-params.cpp:[[@LINE]]:3: warning: address of local 'p' escapes to the caller through parameter 'out'{{.*}}[escape-return]
  return true;
}

bool decodeInto(int n, Packet *out) {
  Packet p{};
  p.len = n;
  *out = p; // a copy: fine
  return true;
}

void versionString(const char *&out) {
  char buf[16] = "v1.0";
  out = buf; // CHECK: out-params.cpp:[[@LINE]]:3: warning: address of local 'buf' escapes to the caller through parameter 'out'{{.*}}[escape-return]
}

struct Inner {
  int code;
};
struct Outer {
  const Inner *inner = nullptr;
};

void attachDefault(Outer &o) {
  Inner fallback{404};
  o.inner = &fallback; // CHECK: out-params.cpp:[[@LINE]]:3: warning: address of local 'fallback' is stored into the object parameter 'o' refers to{{.*}}[escape-member]
}

void attach(Outer &o, const Inner &in) { o.inner = &in; }

class Holder {
public:
  void keep() {
    int local = 1;
    ptr_ = &local; // CHECK: out-params.cpp:[[@LINE]]:5: warning: address of local 'local' is stored into *this{{.*}}[escape-member]
  }
  void keepParam(int *p) { ptr_ = p; }

private:
  int *ptr_ = nullptr;
};
