//===- ElfSymbols.cpp - The program's own symbol table --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "ElfSymbols.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <new>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace escape::runtime;

namespace {

struct Table {
  ProgramSymbol *Syms = nullptr; // sorted by Addr; TLS symbols at the end
  size_t Num = 0, NumTLS = 0;
  uintptr_t Bias = 0;
  char ExePath[4096] = {};
  bool Loaded = false, Tried = false;
};
Table *T;

int byAddr(const void *A, const void *B) {
  const auto *X = static_cast<const ProgramSymbol *>(A);
  const auto *Y = static_cast<const ProgramSymbol *>(B);
  return X->Addr < Y->Addr ? -1 : X->Addr > Y->Addr;
}

int firstObject(dl_phdr_info *Info, size_t, void *Data) {
  *static_cast<uintptr_t *>(Data) = Info->dlpi_addr;
  return 1; // the program comes first
}

void *mapAnon(size_t Bytes) {
  void *P = mmap(nullptr, Bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return P == MAP_FAILED ? nullptr : P;
}

bool load(Table &Tb) {
  dl_iterate_phdr(firstObject, &Tb.Bias);
  ssize_t N = readlink("/proc/self/exe", Tb.ExePath, sizeof(Tb.ExePath) - 1);
  if (N > 0)
    Tb.ExePath[N] = 0;
  int Fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return false;
  struct stat St;
  if (fstat(Fd, &St) != 0 || St.st_size < (off_t)sizeof(Elf64_Ehdr)) {
    close(Fd);
    return false;
  }
  void *Map = mmap(nullptr, St.st_size, PROT_READ, MAP_PRIVATE, Fd, 0);
  close(Fd);
  if (Map == MAP_FAILED)
    return false;
  const char *Base = static_cast<const char *>(Map);
  const auto *Eh = reinterpret_cast<const Elf64_Ehdr *>(Base);
  if (memcmp(Eh->e_ident, ELFMAG, SELFMAG) != 0 ||
      Eh->e_ident[EI_CLASS] != ELFCLASS64 ||
      Eh->e_shoff + size_t(Eh->e_shnum) * sizeof(Elf64_Shdr) >
          size_t(St.st_size))
    return false;
  const auto *Sh = reinterpret_cast<const Elf64_Shdr *>(Base + Eh->e_shoff);
  const Elf64_Shdr *Sym = nullptr;
  for (unsigned I = 0; I < Eh->e_shnum; ++I)
    if (Sh[I].sh_type == SHT_SYMTAB)
      Sym = &Sh[I];
  if (!Sym)
    for (unsigned I = 0; I < Eh->e_shnum; ++I)
      if (Sh[I].sh_type == SHT_DYNSYM)
        Sym = &Sh[I];
  if (!Sym || Sym->sh_link >= Eh->e_shnum)
    return false;
  const Elf64_Shdr *Str = &Sh[Sym->sh_link];
  const auto *Syms = reinterpret_cast<const Elf64_Sym *>(Base + Sym->sh_offset);
  size_t Count = Sym->sh_size / sizeof(Elf64_Sym);
  const char *Strs = Base + Str->sh_offset;
  Tb.Syms = static_cast<ProgramSymbol *>(
      mapAnon((Count + 1) * sizeof(ProgramSymbol)));
  if (!Tb.Syms)
    return false;
  ProgramSymbol *Tls = static_cast<ProgramSymbol *>(
      mapAnon((Count + 1) * sizeof(ProgramSymbol)));
  if (!Tls)
    return false;
  for (size_t I = 0; I < Count; ++I) {
    const Elf64_Sym &S = Syms[I];
    unsigned Type = ELF64_ST_TYPE(S.st_info);
    if (S.st_shndx == SHN_UNDEF || S.st_name >= Str->sh_size)
      continue;
    if (Type != STT_FUNC && Type != STT_OBJECT && Type != STT_TLS)
      continue;
    const char *Name = Strs + S.st_name;
    if (Type == STT_TLS) {
      Tls[Tb.NumTLS++] =
          ProgramSymbol{S.st_value, S.st_size, Name, false, true};
      continue;
    }
    Tb.Syms[Tb.Num++] = ProgramSymbol{Tb.Bias + S.st_value, S.st_size, Name,
                                      Type == STT_FUNC, false};
  }
  qsort(Tb.Syms, Tb.Num, sizeof(ProgramSymbol), byAddr);
  qsort(Tls, Tb.NumTLS, sizeof(ProgramSymbol), byAddr);
  // Keep TLS symbols after the address-sorted ones.
  memcpy(Tb.Syms + Tb.Num, Tls, Tb.NumTLS * sizeof(ProgramSymbol));
  munmap(Tls, (Count + 1) * sizeof(ProgramSymbol));
  return true;
}

Table &table() {
  if (!T) {
    T = static_cast<Table *>(mapAnon(sizeof(Table)));
    new (T) Table();
  }
  if (!T->Tried) {
    T->Tried = true;
    T->Loaded = load(*T);
  }
  return *T;
}

const ProgramSymbol *lookup(const ProgramSymbol *Syms, size_t Num,
                            uintptr_t Addr) {
  size_t L = 0, H = Num;
  while (L < H) {
    size_t M = (L + H) / 2;
    if (Syms[M].Addr <= Addr)
      L = M + 1;
    else
      H = M;
  }
  // Several symbols may share an address; take any that contains Addr.
  for (size_t I = L; I-- > 0;) {
    const ProgramSymbol &S = Syms[I];
    if (Addr < S.Addr + (S.Size ? S.Size : 1))
      return &S;
    if (L - I > 8)
      break;
  }
  return nullptr;
}

} // namespace

bool escape::runtime::loadProgramSymbols() { return table().Loaded; }
uintptr_t escape::runtime::programBias() { return table().Bias; }

void escape::runtime::forEachFunctionNamed(
    const char *Name, void (*Fn)(const ProgramSymbol &, void *), void *Ctx) {
  Table &Tb = table();
  for (size_t I = 0; I < Tb.Num; ++I)
    if (Tb.Syms[I].IsFunction && strcmp(Tb.Syms[I].Name, Name) == 0)
      Fn(Tb.Syms[I], Ctx);
}

const ProgramSymbol *escape::runtime::programSymbolAt(uintptr_t Addr) {
  Table &Tb = table();
  return lookup(Tb.Syms, Tb.Num, Addr);
}

const ProgramSymbol *escape::runtime::programTLSSymbolAt(uintptr_t Off) {
  Table &Tb = table();
  return lookup(Tb.Syms + Tb.Num, Tb.NumTLS, Off);
}

bool escape::runtime::describeAddress(uintptr_t Addr, char *Buf, size_t Len) {
  const char *Name = nullptr;
  uintptr_t Start = 0;
  if (const ProgramSymbol *S = programSymbolAt(Addr)) {
    Name = S->Name;
    Start = S->Addr;
  } else {
    Dl_info Info;
    if (dladdr(reinterpret_cast<void *>(Addr), &Info) && Info.dli_sname) {
      Name = Info.dli_sname;
      Start = reinterpret_cast<uintptr_t>(Info.dli_saddr);
    }
  }
  if (!Name) {
    snprintf(Buf, Len, "0x%lx", static_cast<unsigned long>(Addr));
    return false;
  }
  int Status = 0;
  char *Dem = abi::__cxa_demangle(Name, nullptr, nullptr, &Status);
  const char *Shown = Status == 0 && Dem ? Dem : Name;
  if (Addr == Start)
    snprintf(Buf, Len, "%s", Shown);
  else
    snprintf(Buf, Len, "%s+0x%lx", Shown,
             static_cast<unsigned long>(Addr - Start));
  free(Dem);
  return true;
}

const char *escape::runtime::moduleOf(uintptr_t Addr, uintptr_t &Relative) {
  Table &Tb = table();
  Dl_info Info;
  link_map *LM = nullptr;
  if (dladdr1(reinterpret_cast<void *>(Addr), &Info,
              reinterpret_cast<void **>(&LM), RTLD_DL_LINKMAP) &&
      LM) {
    Relative = Addr - LM->l_addr;
    if (LM->l_name && LM->l_name[0])
      return LM->l_name;
    return Tb.ExePath;
  }
  Relative = Addr - Tb.Bias;
  return Tb.ExePath;
}
