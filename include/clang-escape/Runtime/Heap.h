//===- Heap.h - Size-class heap with side metadata --------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The validation runtime's allocator. One contiguous reservation is cut into
// 64 KiB blocks; a small block holds objects of one size class (16 B to
// 32 KiB), a large object takes a run of whole blocks. Every object has a
// metadata record that lives in a separate mapping, so the metadata is never
// scanned as a root and never looks like a pointer into the heap.
//
// Invariants:
//   * memory handed out is zeroed (so reused memory holds no stale pointers);
//   * an object deleted by the program is quarantined, never reused directly:
//     only a collection that finds no pointer to it frees it;
//   * a free object is never a marking target.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_RUNTIME_HEAP_H
#define CLANG_ESCAPE_RUNTIME_HEAP_H

#include <cstddef>
#include <cstdint>

namespace escape::runtime {

/// The life-cycle state of one heap slot.
enum class ObjState : uint8_t {
  Free = 0,    ///< On a free list (or never handed out).
  Live,        ///< Allocated and not deleted.
  Quarantined, ///< Deleted by the program; waiting for a collection.
  Leaked,      ///< Manual object found unreachable and reported as a leak.
};

/// How an object is reclaimed.
enum class ObjKind : uint8_t {
  Manual = 0,  ///< new/delete semantics: freed by delete, leaks are reported.
  Collectable, ///< GC semantics: freed by a collection when unreachable.
};

/// Metadata of one heap object, stored outside the heap.
struct ObjMeta {
  uint64_t Gen;      ///< Allocation generation (a global allocation counter).
  uintptr_t AllocPC; ///< Return address of the allocating call.
  uint32_t Epoch;    ///< Mark epoch: marked iff Epoch == the current epoch.
  uint32_t CandIdx;  ///< 1 + index in the checker's candidate table, or 0.
  uint32_t Size;     ///< Requested size in bytes.
  ObjState State;
  ObjKind Kind;
  uint16_t Thread; ///< Number of the allocating thread (low 16 bits).
};

/// An object found by an interior-pointer lookup.
struct ObjRef {
  uintptr_t Base = 0;
  size_t SlotSize = 0;
  ObjMeta *Meta = nullptr;
  explicit operator bool() const { return Meta != nullptr; }
};

/// Heap statistics; byte counts are slot sizes.
struct HeapStats {
  uint64_t Allocations = 0;    ///< Objects handed out so far.
  uint64_t AllocatedBytes = 0; ///< Bytes handed out so far.
  uint64_t LiveBytes = 0;      ///< Bytes in Live/Leaked/Quarantined slots.
  uint64_t QuarantinedBytes = 0;
  uint64_t HeapBytes = 0; ///< Bytes in blocks currently in use.
  uint64_t PeakHeapBytes = 0;
  uint64_t Collections = 0;
};

/// The block-structured heap. All state is in anonymous mappings; the one
/// instance is created by Runtime and never destroyed.
class Heap {
public:
  static constexpr size_t BlockSize = size_t(1) << 16;
  static constexpr size_t MaxSmall = 32768;
  static constexpr size_t Granule = 16;

  /// Reserves \p MaxBytes of address space. Returns false if mmap fails.
  bool init(size_t MaxBytes);

  /// Returns a zeroed object of at least \p Size bytes, or nullptr when the
  /// reservation is exhausted. Does not collect; callers decide when to.
  void *allocate(size_t Size, ObjKind Kind, uintptr_t AllocPC);

  /// Moves a live object to quarantine. Returns false (and changes nothing)
  /// if \p P is not the start of a live or leaked object.
  bool quarantine(void *P, bool &WasLeaked);

  /// Finds the object containing address \p V (interior pointers allowed).
  ObjRef find(uintptr_t V) const {
    if (V - Lo >= Committed)
      return {};
    return findSlow(V);
  }

  /// Calls \p Fn(Base, SlotSize, Meta, Ctx) for every non-free object.
  void forEachObject(void (*Fn)(uintptr_t, size_t, ObjMeta &, void *),
                     void *Ctx);

  /// Sweeps after a mark phase with epoch \p Epoch: frees unmarked
  /// collectable and quarantined objects (and unmarked manual objects when
  /// \p ReclaimLeaks), turns other unmarked manual objects into Leaked, and
  /// rebuilds the free lists. Calls \p OnLeak for each newly leaked object.
  void sweep(uint32_t Epoch, bool ReclaimLeaks,
             void (*OnLeak)(uintptr_t, ObjMeta &, void *), void *Ctx);

  uint64_t generation() const { return Gen; }
  HeapStats &stats() { return Stats; }
  uintptr_t lowAddress() const { return Lo; }
  uintptr_t highAddress() const { return Lo + Committed; }

private:
  struct Block {
    uint32_t SlotSize; ///< 0 for a block that is not in use.
    uint32_t NumSlots;
    uint32_t HeadOffset; ///< Large continuation block: distance to its head.
    uint32_t NumBlocks;  ///< Large head: number of blocks in the run.
  };
  struct Run {
    uint32_t First, Count;
  };

  ObjRef findSlow(uintptr_t V) const;
  ObjMeta *metaOf(size_t BlockIdx) const {
    return reinterpret_cast<ObjMeta *>(MetaBase) +
           BlockIdx * (BlockSize / Granule);
  }
  bool takeBlocks(uint32_t Count, uint32_t &First);
  void releaseBlocks(uint32_t First, uint32_t Count);
  bool refill(unsigned Class);
  static unsigned classOf(size_t Size);

  uintptr_t Lo = 0;
  size_t Reserved = 0;
  size_t Committed = 0; // bytes of [Lo, Lo+Committed) ever handed to blocks
  uintptr_t MetaBase = 0;
  Block *Blocks = nullptr;
  Run *FreeRuns = nullptr;
  size_t NumFreeRuns = 0, MaxFreeRuns = 0;
  void *FreeLists[64] = {};
  uint64_t Gen = 0;
  HeapStats Stats;
};

/// The size of slots in size class \p Class (exposed for tests).
size_t sizeClassBytes(unsigned Class);
/// Number of size classes.
unsigned numSizeClasses();

} // namespace escape::runtime

#endif // CLANG_ESCAPE_RUNTIME_HEAP_H
