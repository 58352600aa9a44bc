//===- RootSet.h - Root ranges of the calling thread ------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Enumerates the memory the collector treats as roots:
//   * the writable PT_LOAD segments of every loaded object, minus their
//     PT_GNU_RELRO part (read-only after relocation, so it can only hold
//     pointers fixed at load time, never heap pointers);
//   * the PT_TLS block of every loaded object for the *calling* thread
//     (dl_iterate_phdr's dlpi_tls_data); each thread records its own when
//     it registers, and collections and checks scan every thread's
//     (lib/Runtime/Threads.h, World.h);
//   * the live stack of the calling thread, from a given low address to the
//     stack's top (the caller pushes registers below that point first).
//
// Memory from the system malloc, anonymous mappings made by the program and
// pointers hidden by arithmetic are not roots (as in bdwgc).
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_RUNTIME_ROOTSET_H
#define CLANG_ESCAPE_RUNTIME_ROOTSET_H

#include <cstddef>
#include <cstdint>

namespace escape::runtime {

/// Where a root word lives; used to describe witnesses.
enum class RootKind : uint8_t {
  None = 0,
  Register, ///< A saved register (Index names it).
  Global,   ///< A writable data segment of a loaded object.
  TLS,      ///< A thread-local block of the calling thread.
  Stack,    ///< The live stack of the calling thread.
};

/// One contiguous range of root words.
struct RootRange {
  uintptr_t Begin = 0, End = 0;
  RootKind Kind = RootKind::None;
  const char *Module = nullptr; ///< Object file name ("" for the program).
};

/// Calls \p Fn for every static-data and TLS range of the calling thread.
void forEachStaticRoot(void (*Fn)(const RootRange &, void *), void *Ctx);

/// The top (highest address) of the calling thread's stack.
uintptr_t stackTop();

/// The runtime's own name for a root kind ("global", "tls", ...).
const char *rootKindName(RootKind K);

} // namespace escape::runtime

#endif // CLANG_ESCAPE_RUNTIME_ROOTSET_H
