//===- Summary.cpp - Parameter leak tags of a function --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/Summary.h"

namespace escape {

namespace {

void fold(Leak &Dst, const Leak &Src, int Below) {
  if (Src.present())
    Dst.merge(Src.Level + Below, Src.Maybe, Src.Via, Src.Sink);
}

void foldAll(ParamLeaks &Dst, const ParamLeaks &Src, int Below) {
  fold(Dst.Heap, Src.Heap, Below);
  fold(Dst.Thread, Src.Thread, Below);
  fold(Dst.Coro, Src.Coro, Below);
  fold(Dst.Result, Src.Result, Below);
  for (auto &[J, L] : Src.Content)
    fold(Dst.Content[J], L, Below);
  for (auto &[F, L] : Src.FieldContent)
    fold(F.Slot == FieldRef::ResultSlot ? Dst.Result : Dst.Content[F.Slot], L,
         Below); // CaptureSlot: Content[-2], printed as a captured variable
}

} // namespace

ParamLeaks slotLeaks(const FunctionSummary &S, size_t I) {
  ParamLeaks Out;
  if (I < S.Slots.size()) {
    Out = S.Slots[I];
    Out.FieldContent.clear();
    foldAll(Out, S.Slots[I], 0);
  }
  // A field's address is a pointer into the object (level 0), its value
  // one level below.
  for (auto &[F, P] : S.Fields)
    if (F.Slot == static_cast<int>(I))
      foldAll(Out, P, F.isAddress() ? 0 : 1);
  return Out;
}

} // namespace escape
