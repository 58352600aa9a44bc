//===- FrameLayout.h - Frame slots of claimed locals from DWARF -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The runtime reports a dangling stack address as an offset from the dying
// frame's CFA. To say which local it is, this reads the claimed function's
// DWARF with llvm-dwarfdump: a local at DW_OP_fbreg N with frame base RBP
// lives at CFA + N - 16 on x86-64 (the saved RBP and the return address sit
// between RBP and the CFA). Functions without such debug info get no slots;
// their stack claims are then judged at frame level.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_FRAMELAYOUT_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_FRAMELAYOUT_H

#include "ClaimsFile.h"
#include "Verdicts.h"

#include <map>
#include <string>

namespace escape::validate {

/// Frame slots of the claimed locals, by function index and local name.
std::map<size_t, std::map<std::string, FrameSlot>>
findFrameSlots(const ClaimsFile &Claims, const std::string &Program,
               const std::string &Dwarfdump);

/// True if the DWARF of \p Program says that the function \p Mangled
/// returns a floating-point value or an integer narrower than a pointer:
/// then rax and rdx hold no returned address (a double is returned in xmm0,
/// and rax keeps whatever the body left there), so a claim's `value` is
/// checked with no return register as a root.
bool returnsNoAddress(const std::string &Mangled, const std::string &Program,
                      const std::string &Dwarfdump);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_FRAMELAYOUT_H
