//===- ElfSymbols.h - The program's own symbol table ------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Reads .symtab (or .dynsym) of /proc/self/exe, so claimed functions can be
// found by mangled name, including static functions that dlsym cannot see,
// and so witnesses can name globals without linking with -rdynamic. Shared
// objects are symbolized through dladdr.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_LIB_RUNTIME_ELFSYMBOLS_H
#define CLANG_ESCAPE_LIB_RUNTIME_ELFSYMBOLS_H

#include <cstddef>
#include <cstdint>

namespace escape::runtime {

/// A symbol of the program, with its run-time address.
struct ProgramSymbol {
  uintptr_t Addr;
  uint64_t Size;
  const char *Name;
  bool IsFunction;
  bool IsTLS; ///< Addr is then the offset in the program's TLS block.
};

/// Loads the program's symbols once. False if the file cannot be read.
bool loadProgramSymbols();

/// The program's load bias (run-time address minus link-time address).
uintptr_t programBias();

/// Calls \p Fn for every function symbol named \p Name.
void forEachFunctionNamed(const char *Name,
                          void (*Fn)(const ProgramSymbol &, void *), void *Ctx);

/// The program symbol containing \p Addr (functions and data), or null.
const ProgramSymbol *programSymbolAt(uintptr_t Addr);

/// The TLS symbol of the program at offset \p Off in its TLS block, or null.
const ProgramSymbol *programTLSSymbolAt(uintptr_t Off);

/// Writes "name+0xoff" (demangled when possible) for \p Addr into \p Buf,
/// looking in the program first and then through dladdr. Returns false and
/// writes "0x..." if nothing is known.
bool describeAddress(uintptr_t Addr, char *Buf, size_t Len);

/// The path of the object that contains \p Addr and the address relative to
/// its load bias (what llvm-symbolizer expects).
const char *moduleOf(uintptr_t Addr, uintptr_t &Relative);

} // namespace escape::runtime

#endif // CLANG_ESCAPE_LIB_RUNTIME_ELFSYMBOLS_H
