//===- ProgramGroups.h - Which files make which program ---------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A compilation database of a project with many test executables is not one
// program: each executable has its own 'main' and may define its own
// 'setup()'. When the build says which files make which executable (CMake's
// file API, or --program / --programs), each program is linked on its own,
// and a file of a library linked into several executables belongs to each.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_PROGRAMGROUPS_H
#define CLANG_ESCAPE_FRONTEND_PROGRAMGROUPS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace escape {

/// One program (an executable, a shared library): the files linked into it.
struct ProgramSpec {
  std::string Name;
  /// Absolute glob patterns ('*' also matches '/'); checked when parsed.
  std::vector<std::string> Globs;
  /// Absolute paths without '.' or '..', as a build system lists them.
  std::set<std::string> Files;
};

/// The units one program is linked from: indices into the files reported on
/// and into the files only linked in from the cache.
struct LinkGroup {
  /// Empty for the fallback program: the files in no program.
  std::string Name;
  std::vector<size_t> Reported;
  std::vector<size_t> Linked;
};

/// \p Path made absolute (from \p Base when given, else from the current
/// directory) without '.' or '..'.
std::string normalizedPath(llvm::StringRef Path, llvm::StringRef Base = "");

/// "NAME=GLOB[,GLOB...]" (--program); relative globs are taken from \p Dir.
llvm::Expected<ProgramSpec> parseProgramSpec(llvm::StringRef Text,
                                             llvm::StringRef Dir);

/// The programs of a --programs file: one "NAME=GLOB[,GLOB...]" per line,
/// '#' starts a comment; relative globs are taken from the file's directory.
llvm::Expected<std::vector<ProgramSpec>> readProgramsFile(llvm::StringRef Path);

/// Adds \p New to \p Programs, merging a program named twice.
void addProgram(std::vector<ProgramSpec> &Programs, ProgramSpec New);

/// The programs to link: one per entry of \p Programs that holds a file of
/// \p Reported, in their order, then the fallback program of the files in
/// none when one of them is reported. Without programs, one fallback
/// program of every file (a single link, as before programs existed).
std::vector<LinkGroup> groupByProgram(const std::vector<ProgramSpec> &Programs,
                                      const std::vector<std::string> &Reported,
                                      const std::vector<std::string> &Linked);

} // namespace escape

#endif
