//===- ClaimTable.h - Claimed functions known to the runtime ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The runtime's view of the claims: which functions to check, what they
// return, and whether they carry heap and stack claims. clang-escape-validate
// turns the JSON claims file into this line format (the runtime parses no
// JSON) and passes its path in ESCRT_CLAIMS:
//
//   escrt-claims 1
//   fn <id> <mangled-name> <void|value|pointer|reference> <heap 0|1> <stack
//   0|1>
//
// Names are looked up in the program's symbol table; a name with no symbol
// is reported as unobserved by the validator (never called, or inlined
// everywhere). Lookup by address is one probe of an open-addressing table.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_CLAIMTABLE_H
#define CLANG_ESCAPE_LIB_RUNTIME_CLAIMTABLE_H

#include <cstddef>
#include <cstdint>

namespace escape::runtime {

/// What a function returns, which decides the return registers that are
/// roots at its return (a void function's stale rax is not a root).
enum class ReturnKind : uint8_t { Void, Value, Pointer, Reference, Unknown };

/// One heap-allocation site observed in a claimed function.
struct SiteObs {
  uintptr_t PC; ///< Return address inside the function (0 = unknown).
  uint64_t Escaped, Freed, Unreachable;
  /// Bytes of all the objects counted above, and of the escaped ones (the
  /// heap profile of clang-escape-validate --profile).
  uint64_t Bytes, EscapedBytes;
  uint32_t Witness; ///< Offset in the string arena, 0 = none.
};

/// One dangling address into the dying frame, by offset from the CFA.
struct FrameObs {
  int64_t Offset;
  uint64_t Count; ///< Pointers stored during the activation.
  uint64_t Stale; ///< Same location and value as at entry: undecidable.
  uint32_t Witness;
};

/// A claimed function and everything observed about it.
struct FnRecord {
  char Mangled[512];
  uint32_t Id;
  ReturnKind Ret;
  bool HasHeap, HasStack;
  uintptr_t Addr, Size; ///< Address of one definition (0 if not found).
  uint32_t NumDefs;     ///< Symbols found with this name.
  uint64_t Activations, SampledOut, Unhookable, Inlined, OtherThread, Threads,
      Exception, Abandoned, Checked, Traced, SkippedNoCandidate, StackChecked,
      LogOverflow, CandidateOverflow;
  /// Allocations not charged to a site because the site table could not
  /// grow (out of memory); such claims are never judged on them.
  uint64_t SiteOverflow;
  /// Growable tables (anonymous mappings that double when full).
  SiteObs *Sites;
  FrameObs *FrameHits;
  unsigned NumSites, CapSites, NumFrameHits, CapFrameHits;
  SiteObs Overflow; ///< Scratch record when a table cannot grow.
};

/// The loaded claims.
class ClaimTable {
public:
  /// Reads \p Path; prints a message and returns false on error.
  bool load(const char *Path);
  /// The record of the function whose entry address is \p Fn, or null.
  FnRecord *lookup(uintptr_t Fn) const {
    size_t Mask = NumSlots - 1;
    for (size_t I = hash(Fn) & Mask;; I = (I + 1) & Mask) {
      if (Slots[I].Addr == Fn)
        return Slots[I].Rec;
      if (!Slots[I].Addr)
        return nullptr;
    }
  }
  FnRecord *records() const { return Recs; }
  size_t size() const { return NumRecs; }

private:
  struct Slot {
    uintptr_t Addr;
    FnRecord *Rec;
  };
  static size_t hash(uintptr_t A) {
    return static_cast<size_t>((A >> 4) * 0x9E3779B97F4A7C15ull >> 40);
  }
  void insert(uintptr_t Addr, FnRecord *Rec);
  static void onSymbol(const struct ProgramSymbol &S, void *Ctx);

  FnRecord *Recs = nullptr;
  size_t NumRecs = 0;
  Slot *Slots = nullptr;
  size_t NumSlots = 0;
};

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_CLAIMTABLE_H
