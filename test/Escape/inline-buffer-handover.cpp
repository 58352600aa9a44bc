// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A small vector points at its own inline buffer until it grows. Its move
// constructor takes the other's heap block, or copies the elements into its
// own buffer; a swap exchanges heap blocks, or elements. Flow-insensitively
// `data = o.data` would carry o's pointer to o's own buffer into this: but
// what a call hands from one object to another (a move, a member-wise swap,
// std::swap) is what the other holds, and its own address stays with it.
// Read directly (`v.begin()`), the pointer to the buffer is still the
// object's address.

#include <utility>

struct SmallVec {
  int **data;
  unsigned size, cap;
  int *buf[4];
  SmallVec() : data(buf), size(0), cap(4) {}
  SmallVec(SmallVec &&o) : size(o.size) {
    if (o.data != o.buf) {
      data = o.data;
      cap = o.cap;
      o.data = o.buf;
      o.cap = 4;
    } else {
      data = buf;
      cap = 4;
      for (unsigned i = 0; i < size; ++i)
        buf[i] = o.buf[i];
    }
    o.size = 0;
  }
  SmallVec &operator=(SmallVec &&o) {
    SmallVec t(static_cast<SmallVec &&>(o));
    swap(t);
    return *this;
  }
  ~SmallVec() {
    if (data != buf)
      delete[] data;
  }
  void push(int *p) { data[size++] = p; }
  int **begin() { return data; }
  void swap(SmallVec &o) {
    if (data != buf && o.data != o.buf) {
      std::swap(data, o.data);
      std::swap(cap, o.cap);
    } else if (data != buf) {
      for (unsigned i = 0; i < o.size; ++i)
        buf[i] = o.buf[i];
      o.data = data;
      o.cap = cap;
      data = buf;
      cap = 4;
    } else if (o.data != o.buf) {
      for (unsigned i = 0; i < size; ++i)
        o.buf[i] = buf[i];
      data = o.data;
      cap = o.cap;
      o.data = o.buf;
      o.cap = 4;
    } else {
      for (unsigned i = 0; i < 4; ++i)
        std::swap(buf[i], o.buf[i]);
    }
    std::swap(size, o.size);
  }
};

void swap(SmallVec &a, SmallVec &b) { a.swap(b); }

SmallVec returned(SmallVec x) { return x; }
SmallVec memberSwap(SmallVec x, SmallVec y) {
  x.swap(y);
  return x;
}
SmallVec functionSwap(SmallVec x, SmallVec y) {
  swap(x, y);
  return x;
}
SmallVec stdSwap(SmallVec x, SmallVec y) {
  std::swap(x, y);
  return x;
}
SmallVec localsSwapped() {
  SmallVec x, y;
  x.swap(y);
  return x;
}

// The same small vector as a member, or a base's member, of a class whose
// move the compiler writes: the result may be split less deeply than the
// local (`m_shape` against `m_shape/data`); it is still the same member.
struct Shaped {
  SmallVec shape;
  int *origin = nullptr;
};
struct Strided {
  SmallVec strides;
};
struct Array : Strided {
  int rank = 0;
};
Shaped movedMember() {
  Shaped s;
  return static_cast<Shaped &&>(s);
}
Array movedBaseMember() {
  Array a;
  Array b = static_cast<Array &&>(a);
  return b;
}
// A sibling member holding a local's address still gives it away.
Shaped movedWithLocal() {
  int local = 0;
  Shaped s;
  s.origin = &local;
  return static_cast<Shaped &&>(s); // CHECK: inline-buffer-handover.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

// Still reported: the buffer read directly, and a local's address that a
// swap hands on.
int **bufferReturned() {
  SmallVec v;
  return v.begin(); // CHECK: inline-buffer-handover.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

struct Slot {
  int *p;
  void swap(Slot &o) { std::swap(p, o.p); }
};
Slot g_slot;
void swappedIntoGlobal() {
  int local = 0;
  Slot s{&local};
  s.swap(g_slot); // CHECK: inline-buffer-handover.cpp:[[@LINE]]:10: warning: address of local 'local' is stored in global 'g_slot'{{.*}}[escape-global]
}
Slot swappedIntoResult(Slot a) {
  int local = 0;
  Slot s{&local};
  s.swap(a);
  return a; // CHECK: inline-buffer-handover.cpp:[[@LINE]]:3: warning: address of local 'local' escapes to the caller{{.*}}[escape-return]
}

// A move constructor that copies a self-pointer without re-pointing it
// leaves the result pointing into the moved-from local: the order of the
// statements is not seen, so this is taken for a handover too.
struct Self {
  Self *me;
  Self() : me(this) {}
  Self(Self &&o) : me(o.me) {}
};
Self copiedSelfPointer() {
  Self s;
  return Self(static_cast<Self &&>(s)); // MISS (known): the self-pointer copied into the result
}
