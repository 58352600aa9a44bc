//===- Marker.cpp - Conservative marking with an explicit stack -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Marker.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

using namespace escape::runtime;

bool Marker::init() {
  Cap = 1 << 16;
  void *P = mmap(nullptr, Cap * sizeof(Gray), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (P == MAP_FAILED)
    return false;
  Stack = static_cast<Gray *>(P);
  return true;
}

void Marker::begin(Heap &Hp, uint32_t E, const MarkObserver *O) {
  H = &Hp;
  Epoch = E;
  Obs = O;
  Top = 0;
  Words = 0;
}

void Marker::push(uintptr_t Base, uintptr_t End) {
  if (Top == Cap) {
    // Grow instead of bdwgc's overflow-and-rescan: the gray stack is at most
    // one entry per heap object, so doubling is bounded.
    void *P = mremap(Stack, Cap * sizeof(Gray), 2 * Cap * sizeof(Gray),
                     MREMAP_MAYMOVE);
    if (P == MAP_FAILED) {
      fputs("escrt: fatal: cannot grow the mark stack\n", stderr);
      abort();
    }
    Stack = static_cast<Gray *>(P);
    Cap *= 2;
  }
  Stack[Top++] = Gray{Base, End};
}

inline void Marker::markValue(uintptr_t Loc, uintptr_t V, uintptr_t Holder) {
  ++Words;
  if (Obs && V - Obs->FrameLo < Obs->FrameHi - Obs->FrameLo && Obs->OnFrameHit)
    Obs->OnFrameHit(Cur, Holder, Loc, V, Obs->Ctx);
  ObjRef R = H->find(V);
  if (!R || R.Meta->Epoch == Epoch)
    return;
  R.Meta->Epoch = Epoch;
  if (R.Meta->CandIdx && Obs && Obs->OnCandidate)
    Obs->OnCandidate(Cur, Holder, Loc, R, Obs->Ctx);
  // A deleted object's words are dead to an escape check: they keep nothing
  // reachable and hold no live pointer into a frame. Full collections still
  // scan them, which can only retain more.
  if (Obs && R.Meta->State == ObjState::Quarantined)
    return;
  // Scan only the requested bytes: the rest of the slot is zero.
  uintptr_t End = R.Base + ((R.Meta->Size + 7) & ~uint32_t(7));
  if (End > R.Base + R.SlotSize)
    End = R.Base + R.SlotSize;
  push(R.Base, End);
}

void Marker::drain() {
  while (Top) {
    Gray G = Stack[--Top];
    for (uintptr_t P = G.Base; P + sizeof(uintptr_t) <= G.End;
         P += sizeof(uintptr_t))
      markValue(P, *reinterpret_cast<const uintptr_t *>(P), G.Base);
  }
}

void Marker::scanRoots(uintptr_t Begin, uintptr_t End, RootKind Kind,
                       const char *Module) {
  Cur.Kind = Kind;
  Cur.Module = Module ? Module : "";
  Cur.RangeBegin = Begin;
  Begin = (Begin + 7) & ~uintptr_t(7);
  for (uintptr_t P = Begin; P + sizeof(uintptr_t) <= End;
       P += sizeof(uintptr_t)) {
    Cur.Loc = P;
    markValue(P, *reinterpret_cast<const uintptr_t *>(P), 0);
    if (Top)
      drain();
  }
}

void Marker::scanRegister(unsigned Index, uintptr_t Value) {
  Cur.Kind = RootKind::Register;
  Cur.Loc = Index;
  Cur.Module = "";
  markValue(0, Value, 0);
  drain();
}
