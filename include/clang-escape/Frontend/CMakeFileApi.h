//===- CMakeFileApi.h - The programs of a CMake build -----------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// CMake's file API (cmake-file-api(7)): clang-escape writes a query for the
// "codemodel" object version 2 into the build directory; the next time
// CMake configures it, CMake answers with one JSON file per target, naming
// its sources and the targets it depends on. Each executable, shared
// library and module is a program made of its own sources and those of the
// libraries it links, transitively.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_CMAKEFILEAPI_H
#define CLANG_ESCAPE_FRONTEND_CMAKEFILEAPI_H

#include "clang-escape/Frontend/ProgramGroups.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace escape {

/// The programs of a CMake reply, from the text of its codemodel object and
/// a reader of the target objects it names (relative to the reply
/// directory).
llvm::Expected<std::vector<ProgramSpec>> programsFromCodemodel(
    llvm::StringRef Codemodel,
    llvm::function_ref<llvm::Expected<std::string>(llvm::StringRef)> Read);

/// The programs of the newest reply in \p BuildDir, or std::nullopt when
/// CMake has not written one yet.
llvm::Expected<std::optional<std::vector<ProgramSpec>>>
readCMakePrograms(llvm::StringRef BuildDir);

/// Whether \p BuildDir was configured by CMake (it holds CMakeCache.txt).
bool isCMakeBuildDir(llvm::StringRef BuildDir);

/// Writes clang-escape's query into \p BuildDir (nothing when it exists).
/// True when it was written now.
llvm::Expected<bool> writeCMakeQuery(llvm::StringRef BuildDir);

/// Runs `cmake <BuildDir>` so that CMake answers the query.
llvm::Error runCMake(llvm::StringRef BuildDir);

/// What --programs-from-cmake found in a build directory.
struct CMakePrograms {
  /// Empty when there is no reply yet, or the directory is not CMake's.
  std::vector<ProgramSpec> Programs;
  /// For the user: the query was written and CMake must run again.
  std::string Note;
};

/// The programs of the CMake build in \p BuildDir: reads the reply, writes
/// the query when there is none, and runs CMake when \p Configure. Not a
/// CMake build directory: no programs and no note.
llvm::Expected<CMakePrograms> cmakePrograms(llvm::StringRef BuildDir,
                                            bool Configure);

} // namespace escape

#endif
