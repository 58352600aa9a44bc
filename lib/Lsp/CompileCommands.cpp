//===- CompileCommands.cpp - Flags for an open file -----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "CompileCommands.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace escape {
namespace lsp {

CompileCommands::CompileCommands(std::string Dir) {
  if (Dir.empty())
    return;
  llvm::SmallString<256> Abs(Dir);
  llvm::sys::fs::make_absolute(Abs);
  FixedDir = std::string(Abs);
}

const clang::tooling::CompilationDatabase *
CompileCommands::load(const std::string &Dir) {
  auto It = Loaded.find(Dir);
  if (It != Loaded.end())
    return It->second.get();
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Err;
  if (auto Found =
          clang::tooling::CompilationDatabase::loadFromDirectory(Dir, Err))
    DB = clang::tooling::inferMissingCompileCommands(std::move(Found));
  return (Loaded[Dir] = std::move(DB)).get();
}

FileCommand CompileCommands::commandFor(const std::string &File) {
  std::lock_guard<std::mutex> G(Lock);
  FileCommand Out;
  auto Use = [&](const std::string &Dir) {
    const clang::tooling::CompilationDatabase *DB = load(Dir);
    if (!DB)
      return false;
    std::vector<clang::tooling::CompileCommand> Cmds =
        DB->getCompileCommands(File);
    if (Cmds.empty())
      return false;
    Out.Command = Cmds.front();
    Out.BuildDir = Dir;
    Out.DB = DB;
    return true;
  };
  if (!FixedDir.empty()) {
    if (Use(FixedDir))
      return Out;
  } else {
    for (llvm::StringRef D = llvm::sys::path::parent_path(File); !D.empty();
         D = llvm::sys::path::parent_path(D)) {
      llvm::SmallString<256> Build(D);
      llvm::sys::path::append(Build, "build");
      if (Use(D.str()) || Use(std::string(Build)))
        return Out;
    }
  }
  // No flags, as the CLI runs without a database.
  Out.Command = clang::tooling::CompileCommand(
      llvm::sys::path::parent_path(File), File, {"clang-tool", File}, "");
  return Out;
}

} // namespace lsp
} // namespace escape
