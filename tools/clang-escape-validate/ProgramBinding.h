//===- ProgramBinding.h - Claims bound to the program they describe -*- C++
//-*-//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Claims are found in the program by symbol name, and a name is not unique
// across programs: two programs' `main`, or two files' static helpers with
// one mangled name, can share a claims file. The validator binds each claim
// to the program's definition through the DWARF: a claimed function whose
// file is not the file of the program's definition is not judged against
// it (UNOBSERVED), several claimed functions that cannot be told apart are
// all UNVERIFIED, and either case is reported with a warning. A claims file
// whose sources are none of the program's compile units draws a warning too.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_PROGRAMBINDING_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_PROGRAMBINDING_H

#include "ClaimsFile.h"
#include "FrameLayout.h"
#include "Verdicts.h"

#include <map>
#include <string>
#include <vector>

namespace escape::validate {

/// Warnings about claims that do not belong to the program, one per line.
std::vector<std::string> checkSources(const ClaimsFile &Claims,
                                      const DebugFacts &Debug,
                                      const std::string &Program);

/// The claimed functions that must not be judged against the program's
/// function of their symbol, with the warnings that explain why.
std::map<size_t, Exclusion>
resolveDuplicates(const ClaimsFile &Claims, const DebugFacts &Debug,
                  const std::string &Program,
                  std::vector<std::string> &Warnings);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_PROGRAMBINDING_H
