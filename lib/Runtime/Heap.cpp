//===- Heap.cpp - Size-class heap with side metadata ----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "clang-escape/Runtime/Heap.h"

#include <cstring>
#include <sys/mman.h>

using namespace escape::runtime;

namespace {

// 16-byte steps up to 128, then four classes per power of two.
constexpr uint32_t ClassSizes[] = {
    16,   32,   48,    64,    80,    96,    112,   128,   160,   192,
    224,  256,  320,   384,   448,   512,   640,   768,   896,   1024,
    1280, 1536, 1792,  2048,  2560,  3072,  3584,  4096,  5120,  6144,
    7168, 8192, 10240, 12288, 14336, 16384, 20480, 24576, 28672, 32768};
constexpr unsigned NumClasses = sizeof(ClassSizes) / sizeof(ClassSizes[0]);
static_assert(NumClasses <= 64, "FreeLists is too small");

void *mapNone(size_t Bytes) {
  void *P = mmap(nullptr, Bytes, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return P == MAP_FAILED ? nullptr : P;
}

bool commit(uintptr_t Addr, size_t Bytes) {
  return mprotect(reinterpret_cast<void *>(Addr), Bytes,
                  PROT_READ | PROT_WRITE) == 0;
}

} // namespace

size_t escape::runtime::sizeClassBytes(unsigned Class) {
  return ClassSizes[Class];
}
unsigned escape::runtime::numSizeClasses() { return NumClasses; }

unsigned Heap::classOf(size_t Size) {
  unsigned L = 0, H = NumClasses - 1;
  while (L < H) {
    unsigned M = (L + H) / 2;
    if (ClassSizes[M] >= Size)
      H = M;
    else
      L = M + 1;
  }
  return L;
}

bool Heap::init(size_t MaxBytes) {
  MaxBytes = (MaxBytes + BlockSize - 1) & ~(BlockSize - 1);
  size_t NumBlocks = MaxBytes / BlockSize;
  void *H = mapNone(MaxBytes);
  void *M = mapNone(NumBlocks * (BlockSize / Granule) * sizeof(ObjMeta));
  void *B = mmap(nullptr, NumBlocks * sizeof(Block), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  MaxFreeRuns = NumBlocks;
  void *R = mmap(nullptr, MaxFreeRuns * sizeof(Run), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (!H || !M || B == MAP_FAILED || R == MAP_FAILED)
    return false;
  Lo = reinterpret_cast<uintptr_t>(H);
  Reserved = MaxBytes;
  MetaBase = reinterpret_cast<uintptr_t>(M);
  Blocks = static_cast<Block *>(B);
  FreeRuns = static_cast<Run *>(R);
  return true;
}

bool Heap::takeBlocks(uint32_t Count, uint32_t &First) {
  // First fit among released runs; their pages were dropped, so they read
  // back as zero.
  for (size_t I = 0; I < NumFreeRuns; ++I) {
    Run &FR = FreeRuns[I];
    if (FR.Count < Count)
      continue;
    First = FR.First;
    FR.First += Count;
    FR.Count -= Count;
    if (FR.Count == 0)
      FreeRuns[I] = FreeRuns[--NumFreeRuns];
    return true;
  }
  size_t Bytes = size_t(Count) * BlockSize;
  if (Committed + Bytes > Reserved)
    return false;
  size_t MetaBytes = size_t(Count) * (BlockSize / Granule) * sizeof(ObjMeta);
  First = static_cast<uint32_t>(Committed / BlockSize);
  if (!commit(Lo + Committed, Bytes) ||
      !commit(reinterpret_cast<uintptr_t>(metaOf(First)), MetaBytes))
    return false;
  Committed += Bytes;
  return true;
}

void Heap::releaseBlocks(uint32_t First, uint32_t Count) {
  madvise(reinterpret_cast<void *>(Lo + size_t(First) * BlockSize),
          size_t(Count) * BlockSize, MADV_DONTNEED);
  memset(metaOf(First), 0,
         size_t(Count) * (BlockSize / Granule) * sizeof(ObjMeta));
  for (uint32_t I = 0; I < Count; ++I)
    Blocks[First + I] = Block{};
  Stats.HeapBytes -= size_t(Count) * BlockSize;
  if (NumFreeRuns < MaxFreeRuns)
    FreeRuns[NumFreeRuns++] = Run{First, Count};
}

bool Heap::refill(unsigned Class) {
  uint32_t B;
  if (!takeBlocks(1, B))
    return false;
  uint32_t Slot = ClassSizes[Class];
  Blocks[B] = Block{Slot, static_cast<uint32_t>(BlockSize / Slot), 0, 1};
  Stats.HeapBytes += BlockSize;
  if (Stats.HeapBytes > Stats.PeakHeapBytes)
    Stats.PeakHeapBytes = Stats.HeapBytes;
  uintptr_t Base = Lo + size_t(B) * BlockSize;
  // Thread the fresh slots onto the free list, lowest address first.
  void *Head = FreeLists[Class];
  for (uint32_t I = Blocks[B].NumSlots; I-- > 0;) {
    void **Obj = reinterpret_cast<void **>(Base + size_t(I) * Slot);
    *Obj = Head;
    Head = Obj;
  }
  FreeLists[Class] = Head;
  return true;
}

void *Heap::allocate(size_t Size, ObjKind Kind, uintptr_t AllocPC) {
  if (Size == 0)
    Size = 1;
  uintptr_t Base;
  size_t SlotSize;
  ObjMeta *M;
  if (Size <= MaxSmall) {
    unsigned C = classOf(Size);
    if (!FreeLists[C] && !refill(C))
      return nullptr;
    void **Obj = static_cast<void **>(FreeLists[C]);
    FreeLists[C] = *Obj;
    SlotSize = ClassSizes[C];
    // Zero on allocation: the link word, and any stale contents a freed
    // object left behind.
    memset(Obj, 0, SlotSize);
    Base = reinterpret_cast<uintptr_t>(Obj);
    size_t BI = (Base - Lo) / BlockSize;
    M = metaOf(BI) + (Base - (Lo + BI * BlockSize)) / SlotSize;
  } else {
    if (Size > Reserved)
      return nullptr;
    uint32_t Count = static_cast<uint32_t>((Size + BlockSize - 1) / BlockSize);
    uint32_t First;
    if (!takeBlocks(Count, First))
      return nullptr;
    SlotSize = size_t(Count) * BlockSize;
    Blocks[First] = Block{0, 1, 0, Count};
    // A large slot size does not fit 32 bits; mark it with SlotSize 0 and
    // NumBlocks, and continuation blocks with their head offset.
    for (uint32_t I = 1; I < Count; ++I)
      Blocks[First + I] = Block{0, 0, I, 0};
    Stats.HeapBytes += SlotSize;
    if (Stats.HeapBytes > Stats.PeakHeapBytes)
      Stats.PeakHeapBytes = Stats.HeapBytes;
    Base = Lo + size_t(First) * BlockSize;
    M = metaOf(First);
  }
  M->Gen = ++Gen;
  M->AllocPC = AllocPC;
  M->Epoch = 0;
  M->CandIdx = 0;
  M->Size = static_cast<uint32_t>(Size > UINT32_MAX ? UINT32_MAX : Size);
  M->State = ObjState::Live;
  M->Kind = Kind;
  ++Stats.Allocations;
  Stats.AllocatedBytes += SlotSize;
  Stats.LiveBytes += SlotSize;
  return reinterpret_cast<void *>(Base);
}

ObjRef Heap::findSlow(uintptr_t V) const {
  size_t BI = (V - Lo) / BlockSize;
  const Block *B = &Blocks[BI];
  if (B->SlotSize == 0) {
    if (B->NumBlocks == 0) {
      if (B->HeadOffset == 0)
        return {}; // a block not in use
      BI -= B->HeadOffset;
      B = &Blocks[BI];
    }
    ObjMeta *M = metaOf(BI);
    if (M->State == ObjState::Free)
      return {};
    return ObjRef{Lo + BI * BlockSize, size_t(B->NumBlocks) * BlockSize, M};
  }
  uintptr_t BlockBase = Lo + BI * BlockSize;
  size_t Idx = (V - BlockBase) / B->SlotSize;
  if (Idx >= B->NumSlots)
    return {};
  ObjMeta *M = metaOf(BI) + Idx;
  if (M->State == ObjState::Free)
    return {};
  return ObjRef{BlockBase + Idx * B->SlotSize, B->SlotSize, M};
}

bool Heap::quarantine(void *P, bool &WasLeaked) {
  uintptr_t V = reinterpret_cast<uintptr_t>(P);
  ObjRef R = find(V);
  WasLeaked = false;
  if (!R || R.Base != V)
    return false;
  if (R.Meta->State != ObjState::Live && R.Meta->State != ObjState::Leaked)
    return false;
  WasLeaked = R.Meta->State == ObjState::Leaked;
  R.Meta->State = ObjState::Quarantined;
  Stats.QuarantinedBytes += R.SlotSize;
  return true;
}

void Heap::forEachObject(void (*Fn)(uintptr_t, size_t, ObjMeta &, void *),
                         void *Ctx) {
  size_t NumBlocks = Committed / BlockSize;
  for (size_t BI = 0; BI < NumBlocks; ++BI) {
    Block &B = Blocks[BI];
    uintptr_t Base = Lo + BI * BlockSize;
    if (B.SlotSize == 0) {
      if (B.NumBlocks && metaOf(BI)->State != ObjState::Free)
        Fn(Base, size_t(B.NumBlocks) * BlockSize, *metaOf(BI), Ctx);
      continue;
    }
    ObjMeta *M = metaOf(BI);
    for (uint32_t I = 0; I < B.NumSlots; ++I)
      if (M[I].State != ObjState::Free)
        Fn(Base + size_t(I) * B.SlotSize, B.SlotSize, M[I], Ctx);
  }
}

void Heap::sweep(uint32_t Epoch, bool ReclaimLeaks,
                 void (*OnLeak)(uintptr_t, ObjMeta &, void *), void *Ctx) {
  for (void *&FL : FreeLists)
    FL = nullptr;
  void *Tails[64] = {};
  size_t NumBlocks = Committed / BlockSize;
  uint64_t Live = 0, Quarantined = 0;
  // Decides the fate of one object; returns true if it stays allocated.
  auto Keep = [&](uintptr_t Base, ObjMeta &M, size_t Slot) {
    if (M.State == ObjState::Free)
      return false;
    bool Marked = M.Epoch == Epoch;
    if (!Marked) {
      if (M.State == ObjState::Quarantined || M.Kind == ObjKind::Collectable ||
          ReclaimLeaks) {
        M = ObjMeta{};
        return false;
      }
      if (M.State == ObjState::Live) {
        M.State = ObjState::Leaked;
        if (OnLeak)
          OnLeak(Base, M, Ctx);
      }
    }
    if (M.State == ObjState::Quarantined)
      Quarantined += Slot;
    Live += Slot;
    return true;
  };
  for (size_t BI = 0; BI < NumBlocks; ++BI) {
    Block &B = Blocks[BI];
    uintptr_t Base = Lo + BI * BlockSize;
    if (B.SlotSize == 0) {
      if (B.NumBlocks == 0)
        continue;
      uint32_t Count = B.NumBlocks;
      ObjMeta *M = metaOf(BI);
      size_t Slot = size_t(Count) * BlockSize;
      if (!Keep(Base, *M, Slot))
        releaseBlocks(static_cast<uint32_t>(BI), Count);
      BI += Count - 1;
      continue;
    }
    ObjMeta *M = metaOf(BI);
    unsigned C = classOf(B.SlotSize);
    bool Any = false;
    for (uint32_t I = 0; I < B.NumSlots; ++I)
      Any |= Keep(Base + size_t(I) * B.SlotSize, M[I], B.SlotSize);
    if (!Any) {
      releaseBlocks(static_cast<uint32_t>(BI), 1);
      continue;
    }
    // Append this block's free slots in address order.
    for (uint32_t I = 0; I < B.NumSlots; ++I) {
      if (M[I].State != ObjState::Free)
        continue;
      void **Obj = reinterpret_cast<void **>(Base + size_t(I) * B.SlotSize);
      *Obj = nullptr;
      if (Tails[C])
        *static_cast<void **>(Tails[C]) = Obj;
      else
        FreeLists[C] = Obj;
      Tails[C] = Obj;
    }
  }
  Stats.LiveBytes = Live;
  Stats.QuarantinedBytes = Quarantined;
  ++Stats.Collections;
}
