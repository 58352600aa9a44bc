//===- CompileCommands.h - Flags for an open file ---------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Found the way clangd finds them: the nearest compile_commands.json (or
// compile_flags.txt) in the file's directory or a parent, or in a build/
// folder of one of them; a file the database does not list (a header) gets
// the command of a similar one. Without a database: no flags, as the CLI.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_COMPILECOMMANDS_H
#define CLANG_ESCAPE_LIB_LSP_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace escape {
namespace lsp {

/// The compile command of one file and where it came from.
struct FileCommand {
  clang::tooling::CompileCommand Command;
  /// The directory that holds the database; empty without one.
  std::string BuildDir;
  /// The database itself (for the rest of the program), or null.
  const clang::tooling::CompilationDatabase *DB = nullptr;
};

class CompileCommands {
public:
  /// \p FixedDir: only the database there (--compile-commands-dir).
  explicit CompileCommands(std::string FixedDir = "");
  FileCommand commandFor(const std::string &File);

private:
  /// The database of \p Dir, loaded once; null when it has none.
  const clang::tooling::CompilationDatabase *load(const std::string &Dir);

  std::string FixedDir;
  std::mutex Lock;
  std::map<std::string, std::unique_ptr<clang::tooling::CompilationDatabase>>
      Loaded;
};

} // namespace lsp
} // namespace escape

#endif
