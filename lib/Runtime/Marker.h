//===- Marker.h - Conservative marking with an explicit stack ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Marks every heap object reachable from the words it is given. Any word
// whose value falls inside a non-free object (interior pointers included)
// marks that object; marked objects go on an explicit gray stack (an
// anonymous mapping that doubles on overflow) and are scanned word by word.
// Marks are epochs, so nothing is cleared between traces.
//
// The gray stack is drained after every root word. The root being scanned
// is therefore known whenever an object is first marked, which is how the
// checker names a witness: the register, global, TLS word or stack slot that
// first reached a candidate, and the heap object that held the last link.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_MARKER_H
#define CLANG_ESCAPE_LIB_RUNTIME_MARKER_H

#include "clang-escape/Runtime/Heap.h"
#include "clang-escape/Runtime/RootSet.h"

namespace escape::runtime {

/// The root currently being scanned.
struct RootCursor {
  RootKind Kind = RootKind::None;
  uintptr_t Loc = 0;        ///< Address of the root word (register: index).
  const char *Module = "";  ///< Global/TLS: the object file.
  uintptr_t RangeBegin = 0; ///< Start of the root range (TLS block start).
  unsigned Thread = 0;      ///< Stack, register, TLS: the thread's number.
};

/// Observers used by escape checks; full collections pass none.
struct MarkObserver {
  /// A dying stack frame: words with a value in [FrameLo, FrameHi) are
  /// reported to OnFrameHit. Empty when FrameLo == FrameHi.
  uintptr_t FrameLo = 0, FrameHi = 0;
  void (*OnFrameHit)(const RootCursor &Root, uintptr_t Holder, uintptr_t Loc,
                     uintptr_t Value, void *Ctx) = nullptr;
  /// Called when an object with a nonzero CandIdx is first marked; Holder is
  /// the heap object whose word at Loc reached it, or 0 for a root.
  void (*OnCandidate)(const RootCursor &Root, uintptr_t Holder, uintptr_t Loc,
                      const ObjRef &Obj, void *Ctx) = nullptr;
  void *Ctx = nullptr;
};

/// The marker. One instance, owned by the runtime state.
class Marker {
public:
  bool init();
  /// Starts a trace with a fresh epoch.
  void begin(Heap &H, uint32_t Epoch, const MarkObserver *Obs);
  /// Scans the words of [Begin, End) as roots of the given kind.
  void scanRoots(uintptr_t Begin, uintptr_t End, RootKind Kind,
                 const char *Module);
  /// Names the thread whose roots are scanned next (for witnesses).
  void setThread(unsigned Number) { Cur.Thread = Number; }
  /// Scans one register value; \p Index names the register for witnesses.
  void scanRegister(unsigned Index, uintptr_t Value);
  /// Words scanned in this trace (roots and heap).
  uint64_t wordsScanned() const { return Words; }

private:
  struct Gray {
    uintptr_t Base, End;
  };
  void markValue(uintptr_t Loc, uintptr_t V, uintptr_t Holder);
  void drain();
  void push(uintptr_t Base, uintptr_t End);

  Heap *H = nullptr;
  uint32_t Epoch = 0;
  const MarkObserver *Obs = nullptr;
  RootCursor Cur;
  Gray *Stack = nullptr;
  size_t Top = 0, Cap = 0;
  uint64_t Words = 0;
};

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_MARKER_H
