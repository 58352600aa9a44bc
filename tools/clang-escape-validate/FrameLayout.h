//===- FrameLayout.h - What the DWARF says about claimed functions -*- C++ -*-//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The runtime reports a dangling stack address as an offset from the dying
// frame's CFA. To say which local it is, the validator reads the program's
// DWARF: a local at DW_OP_fbreg N with frame base RBP lives at CFA + N - 16
// on x86-64 (the saved RBP and the return address sit between RBP and the
// CFA). The DWARF is read once, in process (LLVM's DebugInfo library), for
// every claimed function together, so the start-up cost does not grow with
// the number of claims. A method's or a lambda's definition names its
// symbol through DW_AT_specification; it is followed. Functions without
// such debug info get no slots; their stack claims are judged at frame
// level.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_FRAMELAYOUT_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_FRAMELAYOUT_H

#include "ClaimsFile.h"
#include "Verdicts.h"

#include <map>
#include <set>
#include <string>

namespace escape::validate {

/// What the DWARF says about one function definition.
struct DebugFunction {
  /// Frame slots of its locals and parameters, by name.
  std::map<std::string, FrameSlot> Slots;
  /// It returns a floating-point value or an integer narrower than a
  /// pointer: then rax and rdx hold no returned address (a double is
  /// returned in xmm0, and rax keeps whatever the body left there).
  bool ReturnsNoAddress = false;
  /// Definitions with this symbol in the program's DWARF.
  unsigned Definitions = 0;
  /// Where the (first) definition is declared: absolute path and line.
  std::string File;
  unsigned Line = 0;
};

/// The debug facts of the program, by symbol name.
struct DebugFacts {
  std::map<std::string, DebugFunction> Functions;
  /// The compile units' sources (absolute paths).
  std::set<std::string> Units;
  /// The program could not be read, or has no DWARF: the reason.
  std::string Problem;
};

/// Reads \p Program's DWARF once, keeping the functions named in \p Wanted.
DebugFacts readDebugFacts(const std::string &Program,
                          const std::set<std::string> &Wanted);

/// True if \p ClaimFile (absolute, or relative as written by hand) names
/// \p DebugFile (absolute).
bool sameSource(const std::string &ClaimFile, const std::string &DebugFile);

/// Frame slots of the claimed locals, by function index and local name.
std::map<size_t, std::map<std::string, FrameSlot>>
findFrameSlots(const ClaimsFile &Claims, const DebugFacts &Facts);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_FRAMELAYOUT_H
