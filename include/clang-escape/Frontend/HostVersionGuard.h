//===- HostVersionGuard.h - Refuse to run inside another LLVM ---*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A module or plugin built for one LLVM major and loaded into a clang-tidy
// or clang of another one binds some symbols and not others: it reports
// nothing and the run succeeds (INTEGRATION.md §1). The guard runs first,
// when the object is loaded, and ends the run with a message instead.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_HOSTVERSIONGUARD_H
#define CLANG_ESCAPE_FRONTEND_HOSTVERSIONGUARD_H

#include <string>

namespace escape {

/// Exit status of a run stopped by the guard.
constexpr int WrongHostExitCode = 3;

/// The major version in a clang version string ("Debian clang version
/// 22.1.8 (...)"), or 0.
unsigned majorOfVersionString(const std::string &Version);

/// If the LLVM of the running process (the host's clang::getClangFullVersion)
/// is not the one \p What was built for, prints which versions they are on
/// stderr and exits with WrongHostExitCode.
void requireHostLLVMMajor(const char *What);

} // namespace escape

#endif
