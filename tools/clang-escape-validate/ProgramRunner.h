//===- ProgramRunner.h - Runs the program under the runtime -----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_PROGRAMRUNNER_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_PROGRAMRUNNER_H

#include <map>
#include <string>
#include <vector>

namespace escape::validate {

/// Runs \p Argv with \p Env added to the environment; the program's stdout
/// goes to our stderr so the validator's own output stays clean. Returns the
/// exit status, 128+signal if it was killed, or -1 (with \p Error) if it
/// could not be started.
int runProgram(const std::vector<std::string> &Argv,
               const std::map<std::string, std::string> &Env,
               std::string &Error);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_PROGRAMRUNNER_H
