//===- ClaimTable.cpp - Claimed functions known to the runtime ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "ClaimTable.h"
#include "ElfSymbols.h"

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

using namespace escape::runtime;

namespace {

void *mapAnon(size_t Bytes) {
  void *P = mmap(nullptr, Bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return P == MAP_FAILED ? nullptr : P;
}

bool parseReturn(const char *S, ReturnKind &K) {
  static const struct {
    const char *Name;
    ReturnKind Kind;
  } Kinds[] = {{"void", ReturnKind::Void},
               {"value", ReturnKind::Value},
               {"pointer", ReturnKind::Pointer},
               {"reference", ReturnKind::Reference},
               {"unknown", ReturnKind::Unknown}};
  for (const auto &E : Kinds)
    if (strcmp(S, E.Name) == 0) {
      K = E.Kind;
      return true;
    }
  return false;
}

} // namespace

void ClaimTable::insert(uintptr_t Addr, FnRecord *Rec) {
  size_t Mask = NumSlots - 1;
  for (size_t I = hash(Addr) & Mask;; I = (I + 1) & Mask)
    if (!Slots[I].Addr || Slots[I].Addr == Addr) {
      Slots[I] = Slot{Addr, Rec};
      return;
    }
}

void ClaimTable::onSymbol(const ProgramSymbol &S, void *Ctx) {
  auto *Pair = static_cast<std::pair<ClaimTable *, FnRecord *> *>(Ctx);
  FnRecord *R = Pair->second;
  if (!R->Addr) {
    R->Addr = S.Addr;
    R->Size = S.Size;
  }
  ++R->NumDefs;
  Pair->first->insert(S.Addr, R);
}

bool ClaimTable::load(const char *Path) {
  int Fd = open(Path, O_RDONLY | O_CLOEXEC);
  struct stat St;
  if (Fd < 0 || fstat(Fd, &St) != 0) {
    fprintf(stderr, "escrt: error: cannot read claims file '%s'\n", Path);
    if (Fd >= 0)
      close(Fd);
    return false;
  }
  size_t Len = St.st_size;
  char *Text = static_cast<char *>(mapAnon(Len + 1));
  if (!Text || read(Fd, Text, Len) != ssize_t(Len)) {
    close(Fd);
    fprintf(stderr, "escrt: error: cannot read claims file '%s'\n", Path);
    return false;
  }
  close(Fd);
  size_t Lines = 1;
  for (size_t I = 0; I < Len; ++I)
    Lines += Text[I] == '\n';
  Recs = static_cast<FnRecord *>(mapAnon(Lines * sizeof(FnRecord)));
  NumSlots = 64;
  while (NumSlots < Lines * 8)
    NumSlots *= 2;
  Slots = static_cast<Slot *>(mapAnon(NumSlots * sizeof(Slot)));
  if (!Recs || !Slots)
    return false;
  loadProgramSymbols();
  unsigned LineNo = 0;
  for (char *Line = Text; Line < Text + Len;) {
    char *End = static_cast<char *>(memchr(Line, '\n', Text + Len - Line));
    if (!End)
      End = Text + Len;
    *End = 0;
    ++LineNo;
    char Kw[16], Name[512], Ret[16];
    unsigned Id, Heap, Stack;
    if (LineNo == 1) {
      if (strcmp(Line, "escrt-claims 1") != 0) {
        fprintf(stderr, "escrt: error: %s:1: not an escrt-claims 1 file\n",
                Path);
        return false;
      }
    } else if (*Line) {
      if (sscanf(Line, "%15s %u %511s %15s %u %u", Kw, &Id, Name, Ret, &Heap,
                 &Stack) != 6 ||
          strcmp(Kw, "fn") != 0) {
        fprintf(stderr, "escrt: error: %s:%u: malformed line\n", Path, LineNo);
        return false;
      }
      FnRecord *R = &Recs[NumRecs++];
      memcpy(R->Mangled, Name, strlen(Name) + 1);
      R->Id = Id;
      R->HasHeap = Heap;
      R->HasStack = Stack;
      if (!parseReturn(Ret, R->Ret)) {
        fprintf(stderr, "escrt: error: %s:%u: unknown return kind '%s'\n", Path,
                LineNo, Ret);
        return false;
      }
      std::pair<ClaimTable *, FnRecord *> Ctx(this, R);
      forEachFunctionNamed(Name, onSymbol, &Ctx);
    }
    Line = End + 1;
  }
  return true;
}
