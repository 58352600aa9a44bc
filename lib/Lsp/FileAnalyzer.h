//===- FileAnalyzer.h - One open buffer through the core --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Parses a buffer with its file's compile command and hands the AST to the
// core entry point the clang-tidy module uses (analyzeParsedTU), with the
// settings the CLI would resolve for that file. Each file keeps its parsed
// unit, so that the next edit reuses a precompiled preamble (the unchanged
// #include prefix), as clangd does. Not thread-safe: one worker calls it.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_FILEANALYZER_H
#define CLANG_ESCAPE_LIB_LSP_FILEANALYZER_H

#include "CompileCommands.h"
#include "DocumentStore.h"
#include "FileAnalysis.h"

#include "clang-escape/Lsp/Server.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <memory>
#include <string>

namespace clang {
class ASTUnit;
} // namespace clang

namespace escape {
namespace lsp {

class FileAnalyzer {
public:
  FileAnalyzer(const ServerOptions &Opts, CompileCommands &Commands);
  ~FileAnalyzer();

  /// Analyzes \p D as \p FS shows the files. An error for a command that
  /// Clang rejects, a failed parse or a crash inside the analysis (after
  /// which the file's unit is dropped).
  llvm::Expected<FileAnalysis>
  analyze(const Document &D,
          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

  /// Drops what is kept for \p Path (the file was closed).
  void forget(const std::string &Path);

private:
  struct Unit {
    std::vector<std::string> Args;
    std::unique_ptr<clang::ASTUnit> AST;
  };
  /// Parses \p D into its unit, reusing it if the flags are the same.
  llvm::Error parse(Unit &U, const std::vector<std::string> &Args,
                    const std::string &Directory,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

  const ServerOptions &Opts;
  CompileCommands &Commands;
  std::map<std::string, Unit> Units;
  /// The files of Units, most recently analyzed first.
  std::vector<std::string> Recent;
};

} // namespace lsp
} // namespace escape

#endif
