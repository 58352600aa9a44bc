//===- FrameLayout.cpp - What the DWARF says about claimed functions ------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "FrameLayout.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/DebugInfo/DWARF/DWARFContext.h"
#include "llvm/DebugInfo/DWARF/DWARFDie.h"
#include "llvm/DebugInfo/DWARF/DWARFUnit.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/Path.h"

using namespace escape::validate;
using namespace llvm;

namespace {

/// The offset of a `DW_OP_fbreg N` location, if that is the whole location.
std::optional<long long> fbregOffset(const DWARFDie &D) {
  std::optional<DWARFFormValue> V = D.find(dwarf::DW_AT_location);
  if (!V)
    return std::nullopt;
  std::optional<ArrayRef<uint8_t>> Block = V->getAsBlock();
  if (!Block || Block->size() < 2 || (*Block)[0] != dwarf::DW_OP_fbreg)
    return std::nullopt;
  unsigned Len = 0;
  const char *Err = nullptr;
  int64_t Off = decodeSLEB128(Block->data() + 1, &Len,
                              Block->data() + Block->size(), &Err);
  if (Err || 1 + Len != Block->size())
    return std::nullopt;
  return Off;
}

bool rbpFrameBase(const DWARFDie &D) {
  std::optional<DWARFFormValue> V = D.find(dwarf::DW_AT_frame_base);
  std::optional<ArrayRef<uint8_t>> Block = V ? V->getAsBlock() : std::nullopt;
  return Block && Block->size() == 1 && (*Block)[0] == dwarf::DW_OP_reg6;
}

void collectSlots(const DWARFDie &Scope,
                  std::map<std::string, FrameSlot> &Out) {
  for (const DWARFDie &C : Scope.children()) {
    dwarf::Tag T = C.getTag();
    if (T == dwarf::DW_TAG_lexical_block) {
      collectSlots(C, Out);
      continue;
    }
    if (T != dwarf::DW_TAG_variable && T != dwarf::DW_TAG_formal_parameter)
      continue;
    const char *Name = C.getShortName();
    std::optional<long long> Off = fbregOffset(C);
    if (Name && *Name && Off && !Out.count(Name))
      Out[Name] = FrameSlot{*Off - 16, 0};
  }
}

bool narrowReturn(const DWARFDie &D) {
  std::optional<DWARFFormValue> T = D.findRecursively(dwarf::DW_AT_type);
  if (!T)
    return false; // void
  DWARFDie Type = D.getAttributeValueAsReferencedDie(*T);
  const char *Name = Type ? Type.getShortName() : nullptr;
  if (!Name)
    return false;
  static const char *const Narrow[] = {
      "bool",           "char",    "signed char",  "unsigned char", "short",
      "unsigned short", "int",     "unsigned int", "float",         "double",
      "long double",    "wchar_t", "char8_t",      "char16_t",      "char32_t"};
  for (const char *N : Narrow)
    if (StringRef(Name) == N)
      return true;
  return false;
}

void visit(const DWARFDie &D, const std::set<std::string> &Wanted,
           DebugFacts &Facts) {
  for (const DWARFDie &C : D.children()) {
    dwarf::Tag T = C.getTag();
    if (T == dwarf::DW_TAG_subprogram) {
      // A definition has code; its symbol may be on the declaration it
      // completes (DW_AT_specification), which getLinkageName follows.
      if (!C.find(dwarf::DW_AT_low_pc))
        continue;
      const char *Link = C.getLinkageName();
      if (!Link || !*Link)
        Link = C.getShortName(); // extern "C"
      if (!Link || !Wanted.count(Link))
        continue;
      DebugFunction &F = Facts.Functions[Link];
      if (F.Definitions++ == 0) {
        if (rbpFrameBase(C))
          collectSlots(C, F.Slots);
        F.ReturnsNoAddress = narrowReturn(C);
        F.File = C.getDeclFile(
            DILineInfoSpecifier::FileLineInfoKind::AbsoluteFilePath);
        F.Line = C.getDeclLine();
      }
      continue;
    }
    if (T == dwarf::DW_TAG_namespace || T == dwarf::DW_TAG_class_type ||
        T == dwarf::DW_TAG_structure_type || T == dwarf::DW_TAG_union_type)
      visit(C, Wanted, Facts);
  }
}

} // namespace

DebugFacts
escape::validate::readDebugFacts(const std::string &Program,
                                 const std::set<std::string> &Wanted) {
  DebugFacts Facts;
  Expected<object::OwningBinary<object::ObjectFile>> Bin =
      object::ObjectFile::createObjectFile(Program);
  if (!Bin) {
    Facts.Problem = toString(Bin.takeError());
    return Facts;
  }
  std::unique_ptr<DWARFContext> Ctx = DWARFContext::create(
      *Bin->getBinary(), DWARFContext::ProcessDebugRelocations::Process,
      nullptr, "", [](Error E) { consumeError(std::move(E)); },
      [](Error E) { consumeError(std::move(E)); });
  for (const std::unique_ptr<DWARFUnit> &CU : Ctx->compile_units())
    if (DWARFDie Top = CU->getUnitDIE(false)) {
      if (const char *Name = Top.getShortName()) {
        SmallString<256> Path(Name);
        if (!sys::path::is_absolute(Path) && CU->getCompilationDir())
          Path = (Twine(CU->getCompilationDir()) + "/" + Name).str();
        sys::path::remove_dots(Path, true);
        Facts.Units.insert(std::string(Path));
      }
      visit(Top, Wanted, Facts);
    }
  return Facts;
}

bool escape::validate::sameSource(const std::string &ClaimFile,
                                  const std::string &DebugFile) {
  SmallString<256> A(ClaimFile), B(DebugFile);
  sys::path::remove_dots(A, true);
  sys::path::remove_dots(B, true);
  if (sys::path::is_absolute(A))
    return A == B;
  // A relative name written by hand: a suffix at a path boundary.
  StringRef BS(B);
  return BS.ends_with(A) &&
         (BS.size() == A.size() || BS[BS.size() - A.size() - 1] == '/');
}

std::map<size_t, std::map<std::string, FrameSlot>>
escape::validate::findFrameSlots(const ClaimsFile &Claims,
                                 const DebugFacts &Facts) {
  std::map<size_t, std::map<std::string, FrameSlot>> Result;
  for (size_t I = 0; I < Claims.Functions.size(); ++I) {
    const FunctionClaims &F = Claims.Functions[I];
    auto It = Facts.Functions.find(F.Mangled.empty() ? F.Name : F.Mangled);
    if (F.Stack.empty() || It == Facts.Functions.end() ||
        It->second.Slots.empty())
      continue;
    std::map<std::string, FrameSlot> Slots = It->second.Slots;
    // Sizes come from the claims (the analyzer knows the types).
    for (const StackClaim &C : F.Stack) {
      auto S = Slots.find(C.Name);
      if (S != Slots.end())
        S->second.Size = C.Bytes ? C.Bytes : 1;
    }
    Result[I] = std::move(Slots);
  }
  return Result;
}
